-- akguard for Neovim 0.10+: vim.lsp.start() reuses the client of the same name and root.

local settings = {
  -- Rule id -> 'error' | 'warning' | 'information' | 'hint' | 'off'. Rules left out keep the project's
  -- akguard config file, else their default (pair: error, ID alone: warning, STS: error). Leave the key
  -- out rather than empty: Neovim sends an empty Lua table as a JSON array.
  -- severity = { ['alibaba-access-key-id'] = 'error' },
  exclude = {}, -- globs relative to the project root, e.g. '**/testdata/**'
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
