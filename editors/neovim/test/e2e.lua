-- End-to-end test of rung in a real Neovim, headless. Run as:
--   RUNG=path/to/rung SAMPLE=path/to/promo.md nvim --headless -u NONE -c "luafile editors/neovim/test/e2e.lua"
-- With RUNG_NVIM_CONFIG=lsp it uses lsp/rung.lua and vim.lsp.enable (Neovim 0.11+); otherwise
-- require('rung').setup() (Neovim 0.7+). Exits 0 when every check passes, 1 otherwise.
local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h:h')
vim.opt.runtimepath:prepend(here)
vim.cmd('filetype on')

local rung = assert(os.getenv('RUNG'), 'set RUNG to the rung binary')
local sample = assert(os.getenv('SAMPLE'), 'set SAMPLE to a promo doc')
local passes, failures = 0, 0

local function check(ok, what)
  if ok then
    passes = passes + 1
    io.stdout:write('ok   ' .. what .. '\n')
  else
    failures = failures + 1
    io.stdout:write('FAIL ' .. what .. '\n')
  end
end

local function finish()
  io.stdout:write(string.format('%d passed, %d failed\n', passes, failures))
  vim.cmd(failures == 0 and 'qall!' or 'cquit! 1')
end

-- Work on a copy, so the edits do not touch the repository.
local dir = vim.fn.tempname()
vim.fn.mkdir(dir, 'p')
local path = dir .. '/promo.md'
vim.fn.writefile(vim.fn.readfile(sample), path)

local settings = { debounceMs = 0 }
if os.getenv('RUNG_NVIM_CONFIG') == 'lsp' then
  local config = dofile(here .. '/lsp/rung.lua')
  config.cmd = { rung, 'lsp' }
  config.init_options = settings
  vim.lsp.config('rung', config)
  vim.lsp.enable('rung')
else
  -- As the README sets it up, with hover on K.
  require('rung').setup({ cmd = { rung, 'lsp' }, settings = settings, hover_key = 'K' })
end

vim.cmd('edit ' .. path)
local bufnr = vim.api.nvim_get_current_buf()

local function codes()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    found[d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '?'] = true
  end
  return found
end

local got = vim.wait(15000, function() return codes()['vague-win'] ~= nil end, 50)
check(got, 'diagnostics arrive on open (vague-win)')
check(codes()['unknown-trait'] ~= nil and codes()['missing-expected-trait'] ~= nil, 'unknown-trait and missing-expected-trait are reported')

local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients
local client_ok = #get_clients({ name = 'rung' }) == 1
check(client_ok, 'one rung client is attached')

-- Completion at an empty heading: the traits and sections the doc does not have yet.
local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
table.insert(lines, '## ')
vim.api.nvim_buf_set_lines(bufnr, 0, -1, false, lines)
local heading_line = #lines - 1
local result = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  position = { line = heading_line, character = 3 },
}, 5000)
local labels = {}
for _, response in pairs(result or {}) do
  local items = response.result and (response.result.items or response.result) or {}
  for _, item in ipairs(items) do
    labels[item.label] = true
  end
end
check(labels['Scope'] and labels['Projects'] and not labels['Ownership'] and not labels['Wins'],
  'completion at a heading offers the traits and roles the doc lacks, not those it has')

-- Hover on the target level in the front matter.
local target_line
for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, 10, false)) do
  if line:match('^target:') then
    target_line = i - 1
  end
end
local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  position = { line = target_line, character = 9 },
}, 5000)
local hover_text = ''
for _, response in pairs(hover or {}) do
  if response.result then
    hover_text = hover_text .. (response.result.contents.value or '')
  end
end
check(hover_text:find('Staff Engineer') ~= nil, 'hover on the target level explains it')

-- Edit the buffer: fix the misspelt heading, and the diagnostic goes away.
for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
  if line == '## Ownrship' then
    vim.api.nvim_buf_set_lines(bufnr, i - 1, i, false, { '## Scope', '', '- Moved 4 teams onto the shared queue.' })
  end
end
local followed = vim.wait(10000, function() return codes()['unknown-trait'] == nil and codes()['vague-win'] ~= nil end, 50)
check(followed, 'diagnostics follow an edit')

-- The server's copy of the text equals the buffer: a completion at the end still works.
local last = vim.api.nvim_buf_line_count(bufnr) - 1
local after = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  position = { line = last, character = 3 },
}, 5000)
local has_traits = false
for _, response in pairs(after or {}) do
  local items = response.result and (response.result.items or response.result) or {}
  for _, item in ipairs(items) do
    if item.label == 'Direction' or item.label == 'Leadership' then
      has_traits = true
    end
  end
end
check(has_traits, 'completion still reads the edited buffer')

check((vim.bo[bufnr].omnifunc or ''):find('lsp') ~= nil, "'omnifunc' is the language server's completion")

-- What a user types, through the main loop: keys are fed and the script returns, so each step
-- waits on a timer for the editor to act.
local function poll(condition, timeout_ms, done)
  local deadline = vim.loop.now() + timeout_ms
  local function tick()
    local value = condition()
    if value or vim.loop.now() > deadline then
      done(value)
    else
      vim.defer_fn(tick, 50)
    end
  end
  vim.defer_fn(tick, 50)
end

local function keys(text)
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(text, true, false, true), 'm', false)
end

-- <C-x><C-o> after `#acc` in an entry completes the tag once: `#accountability`, never
-- `##accountability` (Neovim 0.7's omnifunc replaces the word before the cursor, whatever range
-- the server gives).
local entry = '- Ran the on-call rotation for 3 teams #acc'
vim.api.nvim_buf_set_lines(bufnr, -1, -1, false, { entry })
local entry_line = vim.api.nvim_buf_line_count(bufnr)
vim.api.nvim_win_set_cursor(0, { entry_line, #entry - 1 })
keys('A<C-x><C-o>')
poll(function()
  local line = vim.api.nvim_buf_get_lines(bufnr, entry_line - 1, entry_line, false)[1]
  return line ~= entry and line
end, 8000, function(line)
  check(line == '- Ran the on-call rotation for 3 teams #accountability',
    'omnifunc completes a tag after # once (got ' .. tostring(line) .. ')')
  keys('<Esc>')
  -- K on the target level opens rung's hover.
  vim.defer_fn(function()
    vim.api.nvim_win_set_cursor(0, { target_line + 1, 9 })
    keys('K')
    poll(function()
      for _, win in ipairs(vim.api.nvim_list_wins()) do
        if vim.api.nvim_win_get_config(win).relative ~= '' then
          local text = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false), '\n')
          if text:find('Staff Engineer') then
            return true
          end
        end
      end
      return false
    end, 8000, function(shown)
      check(shown, 'K shows the hover of the target level')
      finish()
    end)
  end, 100)
end)
