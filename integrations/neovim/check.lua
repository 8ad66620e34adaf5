-- A headless check that sequencelint's language server works in this Neovim.
--
--   SEQUENCELINT_BINARY=.build/debug/sequencelint SEQUENCELINT_CHECK_OUTPUT=out.txt \
--     nvim --headless -i NONE -u integrations/neovim/check.lua path/to/grade6.yml
--
-- It loads sequencelint.lua (next to this file), which starts `sequencelint lsp` for the YAML
-- buffer, then waits for the buffer's diagnostics and writes them to SEQUENCELINT_CHECK_OUTPUT
-- (one per line: line:column severity rule message), then a hover and a definition on the
-- first `requires: [id]` of the buffer when it has one. It quits with status 0 when
-- diagnostics arrived (and the hover and definition answered), 1 otherwise. integrations/
-- neovim/check.sh runs it on a copy of Tests/lsp/workspace.

local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
vim.g.sequencelint_path = os.getenv('SEQUENCELINT_BINARY') or 'sequencelint'
local output = os.getenv('SEQUENCELINT_CHECK_OUTPUT')
local timeout = tonumber(os.getenv('SEQUENCELINT_CHECK_TIMEOUT_MS') or '') or 10000

dofile(here .. '/sequencelint.lua')

local lines = {}
local function say(text) table.insert(lines, text) end
-- vim.lsp.get_clients from 0.10; vim.lsp.get_active_clients before.
local function clients() return (vim.lsp.get_clients or vim.lsp.get_active_clients)() end

local function finish(ok)
  say(ok and 'ok' or 'FAILED')
  if output then
    local file = assert(io.open(output, 'w'))
    file:write(table.concat(lines, '\n'), '\n')
    file:close()
  else
    io.stdout:write(table.concat(lines, '\n'), '\n')
  end
  -- Stop the server the way an editor does (shutdown, exit) before quitting.
  for _, client in pairs(clients()) do vim.lsp.stop_client(client.id) end
  vim.wait(2000, function() return #clients() == 0 end, 50)
  if ok then vim.cmd('qall!') else vim.cmd('cquit!') end
end

local severities = { 'error', 'warning', 'info', 'hint' }

local function check()
  local bufnr = vim.api.nvim_get_current_buf()
  say('nvim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch)
      .. ', file ' .. vim.api.nvim_buf_get_name(bufnr) .. ', filetype ' .. vim.bo[bufnr].filetype)
  local arrived = vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  for _, client in pairs(clients()) do
    say('client ' .. client.name .. ', root ' .. tostring(client.config.root_dir)
        .. ', server ' .. vim.inspect(client.server_capabilities and client.server_capabilities.positionEncoding))
  end
  if not arrived then
    say('no diagnostics within ' .. timeout .. ' ms')
    return finish(false)
  end
  local diagnostics = vim.diagnostic.get(bufnr)
  table.sort(diagnostics, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return tostring(a.code) < tostring(b.code)
  end)
  say('diagnostics: ' .. #diagnostics)
  for _, d in ipairs(diagnostics) do
    local lsp = d.user_data and d.user_data.lsp or {}
    local code = d.code or lsp.code
    local message = d.message:gsub('\n.*', '')
    say(string.format('%d:%d %s %s %s', d.lnum + 1, d.col + 1, severities[d.severity] or '?', tostring(code), message))
    if lsp.codeDescription then say('  link ' .. lsp.codeDescription.href) end
    for _, related in ipairs(lsp.relatedInformation or {}) do
      say(string.format('  related %s:%d %s', vim.fn.fnamemodify(vim.uri_to_fname(related.location.uri), ':t'),
                        related.location.range.start.line + 1, related.message))
    end
  end

  -- Hover and definition on the first `requires: [id]` of the buffer.
  for lnum, text in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local start, _, id = text:find('requires: %[([%w_.-]+)')
    if start then
      -- On the id's second character (a byte offset; Neovim converts it to the server's units).
      local column = start + #'requires: ['
      -- The column in the units the client and the server agreed on.
      local encoding = (clients()[1] or {}).offset_encoding or 'utf-16'
      local character = column
      if encoding ~= 'utf-8' then
        character = 0
        for _, c in ipairs(vim.fn.str2list(text:sub(1, column))) do
          character = character + ((encoding == 'utf-16' and c > 0xFFFF) and 2 or 1)
        end
      end
      local params = {
        textDocument = { uri = vim.uri_from_bufnr(bufnr) },
        position = { line = lnum - 1, character = character },
      }
      local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 5000) or {}
      local definition = vim.lsp.buf_request_sync(bufnr, 'textDocument/definition', params, 5000) or {}
      local hovered, defined
      for _, answer in pairs(hover) do
        if answer.result and answer.result.contents then hovered = answer.result.contents.value end
      end
      for _, answer in pairs(definition) do
        local r = answer.result
        if r and r[1] then r = r[1] end
        if r and r.uri then defined = r end
      end
      say('hover on ' .. id .. ' (line ' .. lnum .. ', ' .. encoding .. ' column ' .. character .. '): ' .. (hovered and hovered:gsub('\n.*', '') or 'none'))
      say('definition: ' .. (defined and (vim.fn.fnamemodify(vim.uri_to_fname(defined.uri), ':t') .. ':'
                                          .. (defined.range.start.line + 1)) or 'none'))
      return finish(hovered ~= nil and defined ~= nil)
    end
  end
  return finish(true)
end

vim.api.nvim_create_autocmd('VimEnter', { once = true, callback = function() vim.schedule(check) end })
