-- :RungReport — the readiness of the current growth doc's case as one HTML page, written to a
-- file and opened in the browser (vim.ui.open on 0.10+, else xdg-open / open).
--   :RungReport            writes to a temporary file
--   :RungReport out.html   writes to out.html
-- Options: vim.g.rung_cmd (default 'rung'), vim.g.rung_report_open (default true; false only
-- writes the file, for scripts and tests).
local M = {}

local function notify(message, level)
  vim.notify('rung: ' .. message, level or vim.log.levels.INFO)
end

local function open(path)
  if vim.ui and vim.ui.open then
    return vim.ui.open(path)
  end
  local opener = vim.fn.has('mac') == 1 and 'open' or 'xdg-open'
  if vim.fn.executable(opener) == 1 then
    return vim.fn.jobstart({ opener, path }, { detach = true })
  end
  notify('no way to open ' .. path .. ' found; open it in a browser', vim.log.levels.WARN)
end

--- Write the HTML report of the current buffer's case to `output` (a temporary file when
--- empty) and open it. Returns the path written, or nil.
function M.report(output)
  local path = vim.api.nvim_buf_get_name(0)
  if path == '' then
    notify('the buffer has no file to report on', vim.log.levels.ERROR)
    return nil
  end
  if vim.bo.modified then
    notify('reporting the saved file: write the buffer to include your changes', vim.log.levels.WARN)
  end
  if output == nil or output == '' then
    output = vim.fn.tempname() .. '-rung-report.html'
  end
  local cmd = vim.g.rung_cmd or 'rung'
  local html = vim.fn.system({ cmd, 'report', path, '--format', 'html' })
  -- Exit 1 says an expected trait has no evidence: the report is still the point.
  if vim.v.shell_error ~= 0 and vim.v.shell_error ~= 1 then
    notify('rung report failed: ' .. vim.trim(html), vim.log.levels.ERROR)
    return nil
  end
  if vim.fn.writefile(vim.split(html, '\n', { plain = true }), output) ~= 0 then
    notify('cannot write ' .. output, vim.log.levels.ERROR)
    return nil
  end
  notify('wrote ' .. output)
  if vim.g.rung_report_open ~= false then
    open(output)
  end
  return output
end

function M.create_command()
  vim.api.nvim_create_user_command('RungReport', function(args)
    M.report(args.args)
  end, { nargs = '?', complete = 'file', desc = 'rung: HTML readiness report of this case' })
end

return M
