-- rung for Neovim 0.7 to 0.10: require('rung').setup({ ... }) starts `rung lsp` on growth docs.
-- (On 0.11+, prefer lsp/rung.lua with vim.lsp.enable('rung').)
local M = {}

local defaults = {
  cmd = { 'rung', 'lsp' },
  -- Settings under the section "rung": ladder, rules, debounceMs. rung.toml wins over these.
  settings = {},
  -- Start on every Markdown buffer (rung itself stays quiet on ordinary Markdown) when true;
  -- otherwise only on files that look like growth docs.
  all_markdown = false,
  -- Set 'omnifunc' to the language server's completion in the buffers rung attaches to, so
  -- <C-x><C-o> completes headings, tags and front matter. false leaves 'omnifunc' alone.
  omnifunc = true,
  -- A key to map, in normal mode and only in those buffers, to hover (vim.lsp.buf.hover), e.g.
  -- 'K'. nil maps nothing (Neovim 0.10+ maps K to hover itself; before that K runs 'keywordprg').
  hover_key = nil,
  -- Called as on_attach(client, bufnr) after rung's own set-up of the buffer.
  on_attach = nil,
}

local name_patterns = { 'promo', 'brag', 'growth%-plan', 'growth_plan', 'idp', 'retro' }

--- Does this buffer look like a growth doc: a `kind:` in front matter, a growth-doc file name, or
--- a rung.toml in its folder or a parent (rung.toml's globs are then checked by rung itself)?
local function is_growth_doc(bufnr, path)
  local name = vim.fn.fnamemodify(path, ':t'):lower()
  for _, pattern in ipairs(name_patterns) do
    if name:find(pattern) then
      return true
    end
  end
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, 40, false)
  if lines[1] == '---' then
    for i = 2, #lines do
      if lines[i] == '---' or lines[i] == '...' then
        break
      end
      if lines[i]:match('^kind:') then
        return true
      end
    end
  end
  return vim.fn.findfile('rung.toml', vim.fn.fnamemodify(path, ':p:h') .. ';') ~= ''
end

local function root_dir(path)
  local config = vim.fn.findfile('rung.toml', vim.fn.fnamemodify(path, ':p:h') .. ';')
  if config ~= '' then
    return vim.fn.fnamemodify(config, ':p:h')
  end
  local git = vim.fn.finddir('.git', vim.fn.fnamemodify(path, ':p:h') .. ';')
  if git ~= '' then
    return vim.fn.fnamemodify(git, ':p:h:h')
  end
  return vim.fn.fnamemodify(path, ':p:h')
end

local clients = {}

--- What rung sets up in a buffer it attaches to: completion and, where asked, hover.
local function on_attach(opts)
  return function(client, bufnr)
    if opts.omnifunc then
      vim.api.nvim_buf_set_option(bufnr, 'omnifunc', 'v:lua.vim.lsp.omnifunc')
    end
    if opts.hover_key then
      vim.api.nvim_buf_set_keymap(bufnr, 'n', opts.hover_key, '<cmd>lua vim.lsp.buf.hover()<CR>',
        { noremap = true, silent = true })
    end
    if opts.on_attach then
      opts.on_attach(client, bufnr)
    end
  end
end

local function attach(bufnr, opts)
  local path = vim.api.nvim_buf_get_name(bufnr)
  if path == '' or not (opts.all_markdown or is_growth_doc(bufnr, path)) then
    return
  end
  local root = root_dir(path)
  local config = {
    name = 'rung',
    cmd = opts.cmd,
    root_dir = root,
    init_options = opts.settings,
    settings = { rung = opts.settings },
    on_attach = on_attach(opts),
  }
  if vim.lsp.start then
    -- 0.8+: reuses a client with the same name and root.
    vim.lsp.start(config, { bufnr = bufnr })
    return
  end
  -- 0.7: one client per root, attached by hand.
  local id = clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(config)
    clients[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

function M.setup(user)
  local opts = vim.tbl_deep_extend('force', defaults, user or {})
  local group = vim.api.nvim_create_augroup('rung', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = 'markdown',
    callback = function(args)
      attach(args.buf, opts)
    end,
  })
  -- Buffers already open when setup() runs.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.bo[bufnr].filetype == 'markdown' then
      attach(bufnr, opts)
    end
  end
end

return M
