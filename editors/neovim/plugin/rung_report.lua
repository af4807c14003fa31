-- Defines :RungReport when editors/neovim is on 'runtimepath' (both the setup() and the
-- lsp/rung.lua ways of starting rung). See lua/rung/report.lua.
if vim.fn.exists(':RungReport') == 0 then
  require('rung.report').create_command()
end
