// A minimal VS Code client for `sequencelint lsp`: it starts the server for YAML files and
// leaves everything else (diagnostics, quick fixes, hover, definition, references,
// completion, watched files) to vscode-languageclient and the server.
'use strict';

const os = require('os');
const path = require('path');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function serverCommand(setting) {
  let command = (setting || '').trim() || 'sequencelint';
  if (command === '~' || command.startsWith('~/')) command = path.join(os.homedir(), command.slice(1));
  // A relative path (not a bare name looked up on PATH) is relative to the workspace folder.
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (command.includes('/') && !path.isAbsolute(command) && folder) command = path.join(folder.uri.fsPath, command);
  return command;
}

function createClient() {
  const config = vscode.workspace.getConfiguration('sequencelint');
  const initializationOptions = { debounceMs: config.get('debounceMs', 200) };
  const base = config.get('ruleDocumentationBase', '');
  if (base) initializationOptions.ruleDocumentationBase = base;
  // No `transport`: vscode-languageclient then talks over the process's standard input and
  // output without adding a `--stdio` argument, which `sequencelint lsp` does not take.
  const serverOptions = { command: serverCommand(config.get('path')), args: ['lsp'] };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'yaml' }],
    initializationOptions,
  };
  return new LanguageClient('sequencelint', 'sequencelint', serverOptions, clientOptions);
}

async function restart() {
  if (client) await client.stop().catch(() => {});
  client = createClient();
  await client.start();
}

async function activate(context) {
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((event) => {
    if (['path', 'debounceMs', 'ruleDocumentationBase'].some((key) => event.affectsConfiguration(`sequencelint.${key}`))) {
      restart().catch((error) => vscode.window.showErrorMessage(`sequencelint: ${error.message || error}`));
    }
  }));
  context.subscriptions.push(vscode.commands.registerCommand('sequencelint.restartServer', () => restart()));
  client = createClient();
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
