-- akguard for Neovim 0.11+: a named config, enabled for every filetype (no `filetypes` = all of them).
-- Alternatively save the table returned by vim.lsp.config below as ~/.config/nvim/lsp/akguard.lua.

local settings = {
  severity = {
    ['alibaba-access-key-pair'] = 'error',
    ['alibaba-access-key-id'] = 'warning',
    ['alibaba-sts-credentials'] = 'error',
  },
  exclude = {},
}

vim.lsp.config('akguard', {
  cmd = { 'akguard', 'lsp' }, -- or { 'java', '-jar', '/path/to/akguard.jar', 'lsp' }
  root_markers = { '.git' },
  init_options = settings,
  settings = { akguard = settings },
})
vim.lsp.enable('akguard')
