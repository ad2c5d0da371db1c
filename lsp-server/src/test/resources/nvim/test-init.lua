-- Headless Neovim (0.7 API) end-to-end check of the akguard language server.
-- Driven by NeovimEndToEndTest: it passes the server command, the file to open and where to write what
-- Neovim itself shows (vim.diagnostic.get), one JSON object per line. Any failure is recorded and exits
-- with an error status; every wait is bounded so this can never hang CI.
local out_path = os.getenv("AKGUARD_NVIM_OUT")
local file = os.getenv("AKGUARD_NVIM_FILE")
local root = os.getenv("AKGUARD_NVIM_ROOT")
local cmd = vim.json.decode(os.getenv("AKGUARD_NVIM_CMD"))
local out = assert(io.open(out_path, "w"))

local function record(event, fields)
  fields = fields or {}
  fields.event = event
  out:write(vim.json.encode(fields) .. "\n")
  out:flush()
end

local function shown(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, {
      lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity,
      source = d.source, message = d.message, code = lsp.code,
    })
  end
  table.sort(list, function(a, b) return a.lnum < b.lnum end)
  return list
end

local function wait_for(what, bufnr, pred)
  local ok = vim.wait(30000, function() return pred(vim.diagnostic.get(bufnr)) end, 20)
  if not ok then error("timed out waiting for " .. what .. "; shown: " .. vim.json.encode(shown(bufnr))) end
  record(what, { diagnostics = shown(bufnr) })
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "akguard",
    cmd = cmd,
    root_dir = root,
    flags = { debounce_text_changes = 0 },
    on_exit = function(code, signal) record("server_exit", { code = code, signal = signal }) end,
  })
  if not client_id then error("vim.lsp.start_client failed") end
  vim.lsp.buf_attach_client(bufnr, client_id)

  -- 1. the file as opened: the pair is flagged (ID and secret)
  wait_for("opened", bufnr, function(ds) return #ds >= 2 end)

  -- 2. the quick fixes the server offers at the ID
  local ds = vim.diagnostic.get(bufnr)
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = { start = { line = ds[1].lnum, character = ds[1].col }, ["end"] = { line = ds[1].lnum, character = ds[1].col } },
    context = { diagnostics = {} },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 30000) or {}
  local titles = {}
  for _, r in pairs(responses) do
    for _, a in ipairs(r.result or {}) do table.insert(titles, a.title) end
  end
  record("code_actions", { titles = titles })

  -- 3. an edit: delete the secret's line (Neovim sends an incremental didChange); only the ID remains
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for i, l in ipairs(lines) do
    if l:find("Secret", 1, true) then
      vim.api.nvim_buf_set_lines(bufnr, i - 1, i, false, {})
      break
    end
  end
  wait_for("secret_deleted", bufnr, function(ds2)
    return #ds2 == 1 and ds2[1].user_data and ds2[1].user_data.lsp and ds2[1].user_data.lsp.code == "alibaba-access-key-id"
  end)

  -- 4. another edit: mark the ID's line with akguard:ignore; the diagnostic goes away
  local id_line = vim.diagnostic.get(bufnr)[1].lnum
  local text = vim.api.nvim_buf_get_lines(bufnr, id_line, id_line + 1, false)[1]
  vim.api.nvim_buf_set_text(bufnr, id_line, #text, id_line, #text, { " // akguard:ignore" })
  wait_for("ignored", bufnr, function(ds3) return #ds3 == 0 end)

  vim.lsp.stop_client(client_id)
  vim.wait(10000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
  record("done")
end)

if not ok then
  record("error", { message = tostring(err) })
  out:close()
  vim.cmd("cquit 1")
else
  out:close()
  vim.cmd("qall!")
end
