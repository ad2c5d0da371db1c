-- akguard for Neovim 0.10+: vim.lsp.start() reuses the client of the same name and root.

local settings = {
  severity = {
    ['alibaba-access-key-pair'] = 'error',
    ['alibaba-access-key-id'] = 'warning',
    ['alibaba-sts-credentials'] = 'error',
  },
  exclude = {},
}

vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
  group = vim.api.nvim_create_augroup('akguard', { clear = true }),
  callback = function(args)
    if vim.bo[args.buf].buftype ~= '' then
      return
    end
    vim.lsp.start({
      name = 'akguard',
      cmd = { 'akguard', 'lsp' }, -- or { 'java', '-jar', '/path/to/akguard.jar', 'lsp' }
      root_dir = vim.fs.root(args.buf, { '.git' }) or vim.fn.getcwd(),
      init_options = settings,
      settings = { akguard = settings },
    }, { bufnr = args.buf })
  end,
})
