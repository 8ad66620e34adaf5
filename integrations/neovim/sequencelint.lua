-- sequencelint's language server for YAML buffers in Neovim, without plugins.
--
-- Use it from your init.lua (after setting vim.g.sequencelint_path if `sequencelint` is not
-- on your PATH):
--
--   dofile('/path/to/sequencelint/integrations/neovim/sequencelint.lua')
--
-- It uses vim.lsp.config/vim.lsp.enable on Neovim 0.11 and later, vim.lsp.start on 0.8 to
-- 0.10, and vim.lsp.start_client with vim.lsp.buf_attach_client on 0.7. The workspace
-- folder is the nearest folder above the file holding .sequencelint.yml, else the nearest
-- holding .git, else the file's own folder. docs/editors.md explains each part.

local cmd = { vim.g.sequencelint_path or 'sequencelint', 'lsp' }
local init_options = { debounceMs = 200 }

if vim.lsp.config and vim.lsp.enable then
  -- Neovim 0.11 and later.
  vim.lsp.config('sequencelint', {
    cmd = cmd,
    filetypes = { 'yaml' },
    root_markers = { '.sequencelint.yml', '.git' },
    init_options = init_options,
  })
  vim.lsp.enable('sequencelint')
  return
end

-- The nearest folder at or above `dir` holding `name` (a file or a folder), or nil.
local function find_up(dir, name)
  while dir and dir ~= '' do
    if vim.loop.fs_stat(dir .. '/' .. name) then return dir end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then return nil end
    dir = parent
  end
  return nil
end

local function root_dir(bufnr)
  local dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':p:h')
  return find_up(dir, '.sequencelint.yml') or find_up(dir, '.git') or dir
end

-- Before 0.11, Neovim maps few keys by default (and 0.7 sets no 'omnifunc'): these are the
-- usual ones, for the buffers the server is attached to.
local function on_attach(_, bufnr)
  vim.bo[bufnr].omnifunc = 'v:lua.vim.lsp.omnifunc'
  local opts = { buffer = bufnr }
  vim.keymap.set('n', 'K', vim.lsp.buf.hover, opts)
  vim.keymap.set('n', 'gd', vim.lsp.buf.definition, opts)
  vim.keymap.set('n', 'gr', vim.lsp.buf.references, opts)
  vim.keymap.set('n', '<leader>ca', vim.lsp.buf.code_action, opts)
  vim.keymap.set('n', '<leader>e', vim.diagnostic.open_float, opts)
end

local group = vim.api.nvim_create_augroup('sequencelint', { clear = true })

if vim.lsp.start then
  -- Neovim 0.8 to 0.10: vim.lsp.start reuses the client of the same name and root.
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = 'yaml',
    callback = function(args)
      vim.lsp.start({
        name = 'sequencelint',
        cmd = cmd,
        root_dir = root_dir(args.buf),
        init_options = init_options,
        on_attach = on_attach,
      })
    end,
  })
  return
end

-- Neovim 0.7: one client per workspace folder, attached to each YAML buffer under it.
local clients = {}
vim.api.nvim_create_autocmd('FileType', {
  group = group,
  pattern = 'yaml',
  callback = function(args)
    local root = root_dir(args.buf)
    -- A new client when there is none, or when it was stopped (it stays listed while it exits).
    local client = clients[root] and vim.lsp.get_client_by_id(clients[root])
    if not client or client.is_stopped() then
      clients[root] = vim.lsp.start_client({
        name = 'sequencelint',
        cmd = cmd,
        root_dir = root,
        init_options = init_options,
        on_attach = on_attach,
      })
    end
    if clients[root] then vim.lsp.buf_attach_client(args.buf, clients[root]) end
  end,
})
