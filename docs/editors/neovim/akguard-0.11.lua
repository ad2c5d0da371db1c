-- akguard for Neovim 0.11+: a named config, enabled for every filetype (no `filetypes` = all of them).
-- Alternatively save the table returned by vim.lsp.config below as ~/.config/nvim/lsp/akguard.lua.

local settings = {
  -- Rule id -> 'error' | 'warning' | 'information' | 'hint' | 'off'. Rules left out keep the project's
  -- akguard config file, else their default (pair: error, ID alone: warning, STS: error). Leave the key
  -- out rather than empty: Neovim sends an empty Lua table as a JSON array.
  -- severity = { ['alibaba-access-key-id'] = 'error' },
  exclude = {}, -- globs relative to the project root, e.g. '**/testdata/**'
}

vim.lsp.config('akguard', {
  cmd = { 'akguard', 'lsp' }, -- or { 'java', '-jar', '/path/to/akguard.jar', 'lsp' }
  root_markers = { '.git' },
  init_options = settings,
  settings = { akguard = settings },
})
vim.lsp.enable('akguard')
