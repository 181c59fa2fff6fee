-- Headless Neovim (0.7+) as a second, independent LSP client of the Resolution Drafter server.
-- Run: RD_SERVER=dist/server.js RD_REQUESTS='[...]' nvim --headless --clean -u test.lua draft.unres
-- Starts the server with Neovim's built-in client, waits for diagnostics, sends the requests named in
-- RD_REQUESTS ({name, method, params} without textDocument) and writes one line
-- `RESULT <json>` to stdout, then quits (exit 1 on failure).

local function finish(payload, failed)
  io.stdout:write('RESULT ' .. vim.fn.json_encode(payload) .. '\n')
  io.stdout:flush()
  if failed then vim.cmd('cquit! 1') else vim.cmd('qall!') end
end

local function run()
  local server = os.getenv('RD_SERVER')
  local requests = vim.fn.json_decode(os.getenv('RD_REQUESTS') or '[]')
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'unres'
  local published = nil
  local client_id = vim.lsp.start_client({
    name = 'resolution-drafter',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.getcwd(),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        published = result
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
  })
  if not client_id then return finish({ error = 'the server did not start' }, true) end
  vim.lsp.buf_attach_client(buf, client_id)
  local started = vim.wait(15000, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized
  end, 20)
  if not started then return finish({ error = 'the server did not initialize' }, true) end
  if not vim.wait(15000, function() return published ~= nil end, 20) then
    return finish({ error = 'no diagnostics were published' }, true)
  end
  local client = vim.lsp.get_client_by_id(client_id)
  local out = {
    serverName = client.name,
    capabilities = client.server_capabilities or client.resolved_capabilities,
    diagnostics = {},
    results = {},
  }
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out.diagnostics, { line = d.lnum, message = d.message, severity = d.severity })
  end
  local uri = vim.uri_from_bufnr(buf)
  for _, r in ipairs(requests) do
    -- buf_request_sync would wait out its timeout for a method the server does not offer.
    if not client.supports_method(r.method) then
      out.results[r.name] = { unsupported = true }
      goto continue
    end
    local params = r.params or {}
    if r.method == 'workspace/executeCommand' then
      -- Commands take the draft's URI as their first argument.
      table.insert(params.arguments, 1, uri)
    else
      params.textDocument = { uri = uri }
    end
    local entry = {}
    -- `untilItems`: asked again (every 100 ms, up to 15 s) until the answer has items, e.g. an
    -- answer that needs the phrase index, which the server builds after it starts.
    for _ = 1, (r.untilItems and 150 or 1) do
      local responses, err = vim.lsp.buf_request_sync(buf, r.method, params, 10000)
      entry = { error = err }
      if responses and responses[client_id] then
        entry.result = responses[client_id].result
        entry.error = responses[client_id].err
      end
      local items = type(entry.result) == 'table' and (entry.result.items or entry.result) or {}
      if not r.untilItems or #items > 0 then break end
      vim.wait(100)
    end
    out.results[r.name] = entry
    ::continue::
  end
  -- The buffer after the requests: shows whether the client applied the server's edits.
  out.buffer = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  finish(out, false)
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, err = pcall(run)
    if not ok then finish({ error = tostring(err) }, true) end
  end,
})
