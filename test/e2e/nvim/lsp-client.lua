-- Neovim 0.7 as a second, independent LSP client of our server over stdio (run by run-nvim.mjs).
-- It opens the fixture Deployment and checks, each as a test: the diagnostics with their rule
-- ids and exact ranges, the hover, a quick fix applied as a workspace edit, and the diagnostics
-- after the edit. Paths come from the environment; every wait has a timeout; the exit code is
-- the verdict (cquit 1 on any failure, also on an unexpected Lua error).
local server = assert(os.getenv('KC_SERVER'), 'KC_SERVER')
local file = assert(os.getenv('KC_FILE'), 'KC_FILE')
local root = assert(os.getenv('KC_ROOT'), 'KC_ROOT')
local TIMEOUT = 20000

local passed, failed = 0, 0
local function out(text) io.stdout:write(text .. '\n') end

local function test(name, body)
  local started = vim.loop.hrtime()
  local ok, err = pcall(body)
  local ms = math.floor((vim.loop.hrtime() - started) / 1e6)
  if ok then
    passed = passed + 1
    out(('  ✔ %s (%d ms)'):format(name, ms))
  else
    failed = failed + 1
    out(('  ✘ %s\n    %s'):format(name, tostring(err)))
  end
  return ok
end

local function rule_of(d)
  local lsp = d.user_data and d.user_data.lsp or {}
  return d.code or lsp.code
end

local function find(bufnr, rule)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if rule_of(d) == rule then return d end
  end
end

local function main()
  out('Neovim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. ' as an LSP client over stdio')
  local client_id = vim.lsp.start_client({
    name = 'kube-checklist',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'ws' } },
  })
  assert(client_id, 'the server could not be started')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'yaml'
  vim.lsp.buf_attach_client(bufnr, client_id)
  local uri = vim.uri_from_bufnr(bufnr)
  local privileged

  local ok = test('diagnostics arrive with rule ids, on `true` of `privileged: true`', function()
    assert(vim.wait(TIMEOUT, function() return find(bufnr, 'pss-privileged') ~= nil end, 50), 'no pss-privileged diagnostic')
    privileged = find(bufnr, 'pss-privileged')
    local range = ('%d:%d-%d:%d'):format(privileged.lnum, privileged.col, privileged.end_lnum, privileged.end_col)
    assert(range == '19:24-19:28', 'range ' .. range)
    assert(privileged.severity == vim.diagnostic.severity.ERROR, 'severity ' .. tostring(privileged.severity))
    assert(privileged.source == 'kube-checklist', 'source ' .. tostring(privileged.source))
    assert(find(bufnr, 'pss-run-as-non-root'), 'pss-run-as-non-root is reported too')
  end)
  if not ok then return end

  test('hover explains the finding', function()
    local replies = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
      textDocument = { uri = uri }, position = { line = 19, character = 26 },
    }, TIMEOUT)
    local reply = replies and replies[client_id]
    assert(reply and reply.result, 'no hover: ' .. vim.inspect(reply and reply.err))
    local value = reply.result.contents.value or ''
    assert(value:find('Privileged containers', 1, true), value)
    assert(value:find('`pss-privileged`', 1, true), value)
  end)

  test('the quick fix is offered and its workspace edit applies', function()
    -- Neovim 0.7 keeps only code/tags/data in user_data.lsp: rebuild the LSP diagnostic the way
    -- its own vim.lsp.buf.code_action() does.
    local lsp = privileged.user_data and privileged.user_data.lsp or {}
    local diagnostic = {
      range = { start = { line = privileged.lnum, character = privileged.col }, ['end'] = { line = privileged.end_lnum, character = privileged.end_col } },
      message = privileged.message, severity = 1, source = privileged.source, code = rule_of(privileged), data = lsp.data,
    }
    local replies = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
      textDocument = { uri = uri }, range = diagnostic.range,
      context = { diagnostics = { diagnostic }, only = { 'quickfix' } },
    }, TIMEOUT)
    local reply = replies and replies[client_id]
    assert(reply and reply.result, 'no code actions: ' .. vim.inspect(reply and reply.err))
    local fix
    local titles = {}
    for _, action in ipairs(reply.result) do
      table.insert(titles, action.title)
      if action.title == 'Set securityContext.privileged to false' then fix = action end
    end
    assert(fix and fix.edit, 'offered: ' .. table.concat(titles, ' | '))
    vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
    local line = vim.api.nvim_buf_get_lines(bufnr, 19, 20, true)[1]
    assert(line == '            privileged: false', 'line 20 is now: ' .. line)
  end)

  test('after the edit, the finding is gone and the others stay', function()
    assert(vim.wait(TIMEOUT, function() return find(bufnr, 'pss-privileged') == nil end, 50), 'pss-privileged is still reported')
    assert(find(bufnr, 'pss-run-as-non-root'), 'pss-run-as-non-root disappeared too')
  end)

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  failed = failed + 1
  out('  ✘ ' .. tostring(err))
end
out(('# e2e neovim: %d passed, %d failed'):format(passed, failed))
if failed > 0 or passed == 0 then vim.cmd('cquit 1') else vim.cmd('qall!') end
