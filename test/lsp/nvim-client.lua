-- A real editor as the language server's client: Neovim, headless. Opens the draft
-- given on the command line, starts `lawreport-lint lsp --stdio`, waits for the
-- diagnostics, asks for the code actions at the first fixable finding, applies
-- “fix all safe problems” (or, with LRL_RULE, that rule's quick fix) as Neovim
-- applies any workspace edit, and writes what it
-- saw and the buffer's text to LRL_OUT as JSON. Every wait is Neovim's own
-- vim.wait on a condition, bounded by LRL_WAIT_MS.
local function run()
  local wait = tonumber(vim.env.LRL_WAIT_MS or '60000')
  local result = { steps = {} }
  local function finish()
    local f = io.open(vim.env.LRL_OUT, 'w')
    f:write(vim.fn.json_encode(result))
    f:close()
    vim.cmd('qa!')
  end
  -- the diagnostics as published (Neovim keeps only byte columns in vim.diagnostic)
  local published
  local client_id = vim.lsp.start_client({
    name = 'lawreport-lint',
    cmd = { vim.env.LRL_NODE, vim.env.LRL_BIN, 'lsp', '--stdio' },
    root_dir = vim.fn.getcwd(),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        published = params.diagnostics
        return vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
      end,
    },
  })
  vim.lsp.buf_attach_client(0, client_id)
  if not vim.wait(wait, function() return #vim.diagnostic.get(0) > 0 end, 10) then
    table.insert(result.steps, 'no diagnostics')
    return finish()
  end
  result.diagnostics = published
  result.shown = #vim.diagnostic.get(0)

  local client = vim.lsp.get_client_by_id(client_id)
  -- LRL_RULE: apply that finding's own quick fix; otherwise “fix all safe problems”
  local rule = vim.env.LRL_RULE
  local fixable
  for _, d in ipairs(result.diagnostics) do
    if d.data and d.data.fix and (rule and d.code == rule or not rule and d.data.fix.safe) then fixable = d break end
  end
  if not fixable then
    table.insert(result.steps, 'no fixable finding')
    return finish()
  end
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(),
    range = fixable.range,
    context = { diagnostics = { fixable } },
  }
  local reply = client.request_sync('textDocument/codeAction', params, wait, 0)
  result.actions = {}
  local fix_all
  for _, a in ipairs(reply.result or {}) do
    table.insert(result.actions, { title = a.title, kind = a.kind })
    if rule then
      if not fix_all and a.kind == 'quickfix' and a.diagnostics and a.diagnostics[1].code == rule then fix_all = a end
    elseif a.kind and a.kind:match('^source%.fixAll') then fix_all = a end
  end
  if not fix_all then
    table.insert(result.steps, 'no action to apply')
    return finish()
  end
  if not fix_all.edit then
    fix_all = client.request_sync('codeAction/resolve', fix_all, wait, 0).result
  end
  vim.lsp.util.apply_workspace_edit(fix_all.edit, client.offset_encoding)
  -- the buffer's text as Neovim sends it to servers: its lines, and a final newline if 'eol'
  result.text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n') .. (vim.bo.eol and '\n' or '')
  finish()
end

vim.api.nvim_create_autocmd('VimEnter', { callback = function()
  -- an error in the script is a result too: Neovim must not wait at a prompt
  local ok, err = pcall(run)
  if not ok then
    local f = io.open(vim.env.LRL_OUT, 'w')
    f:write(vim.fn.json_encode({ steps = { 'error: ' .. tostring(err) } }))
    f:close()
    vim.cmd('qa!')
  end
end })
