-- rung for Neovim 0.11+: put this folder on 'runtimepath' (or copy this file to
-- ~/.config/nvim/lsp/rung.lua), then call vim.lsp.enable('rung').
-- rung stays silent on ordinary Markdown, so attaching it to every Markdown buffer is safe.
---@type vim.lsp.Config
return {
  cmd = { 'rung', 'lsp' },
  filetypes = { 'markdown' },
  root_markers = { 'rung.toml', '.git' },
  -- Sent as initializationOptions and answered to workspace/configuration (section "rung").
  -- Keys: ladder (a ladder id), rules ({ ["rule-name"] = "off"|"hint"|"info"|"warning"|"error" }),
  -- debounceMs. A rung.toml in the repository wins over these.
  init_options = {},
  settings = { rung = {} },
}
