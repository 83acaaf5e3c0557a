-- Headless Neovim (0.7 API) as an LSP client of the Haulcheck language server.
--   LSP_CMD_JSON='["node","/abs/dist/server.js","--stdio"]' LSP_ROOT=/abs/dataset LSP_FILE=/abs/file.yaml \
--   EXPECT_LINE=2 HOVER_LINE=2 HOVER_CHAR=2 \
--     nvim --headless -u NONE -i NONE -n -c 'luafile lsp-check.lua'
-- Opens LSP_FILE, waits (polling) until a diagnostic is published on EXPECT_LINE (0-based), then
-- prints one JSON line per diagnostic ("DIAG {...}") and the hover at HOVER_LINE:HOVER_CHAR
-- ("HOVER {...}"). The calling test makes the assertions. Exit code 1 on an error in this script.
local function out(kind, value)
  io.stdout:write(kind .. ' ' .. vim.fn.json_encode(value) .. '\n')
end

local function main()
  local fname = assert(os.getenv('LSP_FILE'), 'set LSP_FILE')
  local cmd = vim.fn.json_decode((assert(os.getenv('LSP_CMD_JSON'), 'set LSP_CMD_JSON')))
  local root = assert(os.getenv('LSP_ROOT'), 'set LSP_ROOT')
  local expect_line = tonumber(os.getenv('EXPECT_LINE') or '0')
  local timeout_ms = tonumber(os.getenv('WAIT_MS') or '20000')
  local t0 = vim.loop.hrtime()
  local ms = function() return math.floor((vim.loop.hrtime() - t0) / 1e6) end

  local client_id = assert(vim.lsp.start_client({
    name = 'haulcheck',
    cmd = cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'dataset' } },
  }))
  vim.cmd('edit ' .. vim.fn.fnameescape(fname))
  local bufnr = vim.api.nvim_get_current_buf()
  -- -u NONE: no filetype detection; the languageId sent in didOpen is the buffer's filetype
  vim.api.nvim_buf_set_option(bufnr, 'filetype', 'yaml')
  vim.lsp.buf_attach_client(bufnr, client_id)

  local function on_expected_line()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.lnum == expect_line then return true end
    end
    return false
  end
  local arrived = vim.wait(timeout_ms, on_expected_line, 20)
  out('WAIT', { arrived = arrived, ms = ms() })

  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    out('DIAG', {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = vim.diagnostic.severity[d.severity], message = d.message, source = d.source or vim.NIL,
      code = d.code or lsp.code or vim.NIL,
    })
  end

  local hover_line = tonumber(os.getenv('HOVER_LINE') or '0')
  local hover_char = tonumber(os.getenv('HOVER_CHAR') or '0')
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = hover_line, character = hover_char },
  }, 10000) or {}
  local hovered = false
  for _, r in pairs(responses) do
    if r.err then out('HOVER', { error = r.err.message or vim.inspect(r.err) }) end
    local c = r.result and r.result.contents
    if c then
      hovered = true
      out('HOVER', { contents = c, ms = ms() })
    end
  end
  if not hovered then out('HOVER', { contents = vim.NIL, ms = ms() }) end

  -- a second hover (on a value the server computes something for), when asked
  local h2_line = tonumber(os.getenv('HOVER2_LINE') or '-1')
  if h2_line >= 0 then
    local r2 = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) },
      position = { line = h2_line, character = tonumber(os.getenv('HOVER2_CHAR') or '0') },
    }, 10000) or {}
    for _, r in pairs(r2) do
      out('HOVER2', { contents = (r.result and r.result.contents) or vim.NIL, error = r.err and (r.err.message or vim.inspect(r.err)) or vim.NIL })
    end
  end

  -- code actions for the diagnostics on EXPECT_LINE; the preferred one is applied and the line printed
  local lsp_diags = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = expect_line })) do
    -- 0.7 keeps only code, codeDescription, tags, relatedInformation and data of the LSP diagnostic
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(lsp_diags, {
      range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
      severity = d.severity, message = d.message, source = d.source, code = d.code or lsp.code, data = lsp.data,
    })
  end
  local ca = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = expect_line, character = 0 }, ['end'] = { line = expect_line, character = 0 } },
    context = { diagnostics = lsp_diags },
  }, 10000) or {}
  for _, r in pairs(ca) do
    if r.err then out('ACTION', { error = r.err.message or vim.inspect(r.err) }) end
    for _, a in ipairs(r.result or {}) do
      out('ACTION', { title = a.title, kind = a.kind or vim.NIL, preferred = a.isPreferred or false })
      if a.isPreferred and a.edit then vim.lsp.util.apply_workspace_edit(a.edit, 'utf-16') end
    end
  end
  out('LINE', { text = vim.api.nvim_buf_get_lines(bufnr, expect_line, expect_line + 1, false)[1] })

  vim.lsp.stop_client(client_id, true)
end

local ok, err = pcall(main)
if not ok then io.stdout:write('ERROR ' .. tostring(err) .. '\n') end
vim.cmd(ok and 'qa!' or 'cq!')
