-- akguard for Neovim 0.7 – 0.9: one client per project root, attached to every file buffer.
-- Paste it into init.lua, or copy it to ~/.config/nvim/akguard.lua and add to init.lua:
--   dofile(vim.fn.stdpath('config') .. '/akguard.lua')

local cmd = { 'akguard', 'lsp' } -- or { 'java', '-jar', '/path/to/akguard.jar', 'lsp' }

-- Optional; the same object goes to initializationOptions and answers workspace/configuration "akguard".
local settings = {
  -- Rule id -> 'error' | 'warning' | 'information' | 'hint' | 'off'. Rules left out keep the project's
  -- akguard config file, else their default (pair: error, ID alone: warning, STS: error). Leave the key
  -- out rather than empty: Neovim sends an empty Lua table as a JSON array.
  -- severity = { ['alibaba-access-key-id'] = 'error' },
  exclude = {}, -- globs relative to the project root, e.g. '**/testdata/**'
}

-- The folder holding .git (a directory, or a file in worktrees), else the file's folder.
local function project_root(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.fn.getcwd()
  local git_dir = vim.fn.finddir('.git', dir .. ';')
  if git_dir ~= '' then
    return vim.fn.fnamemodify(git_dir, ':p:h:h')
  end
  local git_file = vim.fn.findfile('.git', dir .. ';')
  if git_file ~= '' then
    return vim.fn.fnamemodify(git_file, ':p:h')
  end
  return dir
end

local clients = {} -- project root -> client id

vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
  group = vim.api.nvim_create_augroup('akguard', { clear = true }),
  callback = function(args)
    if vim.bo[args.buf].buftype ~= '' then
      return -- help, terminal, quickfix, … are not files
    end
    local root = project_root(args.buf)
    local id = clients[root]
    if id == nil or vim.lsp.client_is_stopped(id) then
      id = vim.lsp.start_client({
        name = 'akguard',
        cmd = cmd,
        root_dir = root,
        workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
        init_options = settings,
        settings = { akguard = settings },
      })
      clients[root] = id
    end
    if id then
      vim.lsp.buf_attach_client(args.buf, id)
    end
  end,
})
