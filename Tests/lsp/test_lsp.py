"""`sequencelint lsp` end to end, through a real LSP client (pytest-lsp).

The server is the built binary (SEQUENCELINT_BINARY, default .build/debug/sequencelint),
started on a copy of Tests/lsp/workspace: two curriculum maps of one curriculum, grade 5 and
grade 6, against the built-in CCSS-M framework.
"""
import asyncio
import atexit
import os
import pathlib
import shutil
import tempfile

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("SEQUENCELINT_BINARY", str(ROOT / ".build" / "debug" / "sequencelint"))
SOURCE = pathlib.Path(__file__).parent / "workspace"
WORK = pathlib.Path(tempfile.mkdtemp(prefix="sequencelint-lsp-"))
atexit.register(shutil.rmtree, WORK, ignore_errors=True)


def fresh_workspace() -> pathlib.Path:
    folder = WORK / "workspace"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(SOURCE, folder)
    return folder


def capabilities(encodings=None):
    caps = client_capabilities("visual-studio-code")
    if encodings is not None:
        caps.general = types.GeneralClientCapabilities(position_encodings=encodings)
    return caps


async def start(client: LanguageClient, encodings=None) -> pathlib.Path:
    folder = fresh_workspace()
    await client.initialize_session(types.InitializeParams(
        capabilities=capabilities(encodings),
        root_uri=folder.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name="workspace")],
        initialization_options={"debounceMs": 50},
    ))
    return folder


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BINARY, "lsp"],
                                              server_env={"XDG_CACHE_HOME": str(WORK / "cache"), "PATH": os.environ.get("PATH", "")}))
async def client(lsp_client: LanguageClient):
    registrations = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        registrations.extend(params.registrations)

    lsp_client.registrations = registrations
    yield
    await lsp_client.shutdown_session()


def open_doc(client: LanguageClient, path: pathlib.Path, version=1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=version, text=path.read_text())))
    return uri


def replace_all(client: LanguageClient, uri: str, text: str, version: int):
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


def edit(client: LanguageClient, uri: str, version: int, line: int, start: int, end: int, text: str):
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=line, character=start), end=types.Position(line=line, character=end)),
            text=text)]))


async def diagnostics_until(client: LanguageClient, uri: str, predicate, timeout=10.0):
    """Waits until the diagnostics published for `uri` satisfy `predicate`; returns them."""
    async def wait():
        while True:
            current = client.diagnostics.get(uri)
            if current is not None and predicate(current):
                return current
            await client.wait_for_notification("textDocument/publishDiagnostics")
    return await asyncio.wait_for(wait(), timeout)


def codes(diagnostics):
    return sorted((d.code, d.range.start.line) for d in diagnostics)


def gap_on(line):
    return lambda ds: any(d.code == "progression-gap" and d.range.start.line == line for d in ds)


def no_gap_on(line):
    return lambda ds: not gap_on(line)(ds)


async def test_an_edit_in_grade_5_changes_grade_6_findings(client: LanguageClient):
    folder = await start(client)
    grade5, grade6 = folder / "grade5.yml", folder / "grade6.yml"
    uri5 = open_doc(client, grade5)
    uri6 = open_doc(client, grade6)
    # 'g6-l2' (line 13) addresses 6.RP.A.2 before 5.NF.B.3 and 5.NF.B.7 are taught.
    before = await diagnostics_until(client, uri6, gap_on(12))
    gap = next(d for d in before if d.code == "progression-gap" and d.range.start.line == 12)
    assert gap.severity == types.DiagnosticSeverity.Warning
    assert "5.NF.B.3" in gap.message and "5.NF.B.7" in gap.message
    assert gap.code_description.href.endswith("#progression-gap")
    assert gap.range == types.Range(start=types.Position(line=12, character=20), end=types.Position(line=12, character=28))
    # The notes point into the built-in framework, written where an editor can open it.
    assert gap.related_information and all(r.location.uri.endswith("/ccss-math.yml") for r in gap.related_information)
    assert list(await diagnostics_until(client, uri5, lambda ds: True)) == []
    # The server asked to be told of changed YAML and configuration files.
    assert [r.method for r in client.registrations] == ["workspace/didChangeWatchedFiles"]

    # Grade 5 teaches them now (line 21: `standards: [5.NF.A.2]` of 'g5-l3'): the gap in grade 6 goes.
    edit(client, uri5, 2, 20, 20, 28, "5.NF.A.2, 5.NF.B.3, 5.NF.B.7")
    await diagnostics_until(client, uri6, no_gap_on(12))
    # Undo: it comes back, unsaved buffers winning over the disk all along.
    edit(client, uri5, 3, 20, 20, 48, "5.NF.A.2")
    after = await diagnostics_until(client, uri6, gap_on(12))
    assert codes(after) == codes(before)
    assert "5.NF.B.3" not in grade5.read_text()


async def test_utf16_ranges_after_an_emoji(client: LanguageClient):
    folder = await start(client)
    grade5, grade6 = folder / "grade5.yml", folder / "grade6.yml"
    uri6 = open_doc(client, grade6)
    # Line 9 holds `title: "🍕 ratios"` before `requires: [g5-l2]`; rename g5-l2 in grade 5 on disk.
    uri5 = open_doc(client, grade5)
    edit(client, uri5, 2, 12, 12, 17, "g5-l2b")
    found = await diagnostics_until(client, uri6, lambda ds: any(d.code == "unknown-reference" for d in ds))
    unknown = next(d for d in found if d.code == "unknown-reference")
    line = grade6.read_text().splitlines()[8]
    start16 = len(line[: line.index("[g5-l2]") + 1].encode("utf-16-le")) // 2
    assert unknown.range == types.Range(start=types.Position(line=8, character=start16),
                                        end=types.Position(line=8, character=start16 + 5))
    # The emoji is one scalar but two UTF-16 units: the column differs from the scalar count.
    assert start16 == line.index("[g5-l2]") + 2
    assert unknown.severity == types.DiagnosticSeverity.Error


async def test_utf32_when_the_client_offers_it(client: LanguageClient):
    folder = await start(client, encodings=[types.PositionEncodingKind.Utf32, types.PositionEncodingKind.Utf16])
    grade5, grade6 = folder / "grade5.yml", folder / "grade6.yml"
    uri6 = open_doc(client, grade6)
    uri5 = open_doc(client, grade5)
    edit(client, uri5, 2, 12, 12, 17, "g5-l2b")
    found = await diagnostics_until(client, uri6, lambda ds: any(d.code == "unknown-reference" for d in ds))
    unknown = next(d for d in found if d.code == "unknown-reference")
    line = grade6.read_text().splitlines()[8]
    assert unknown.range.start.character == line.index("[g5-l2]") + 1


async def test_quick_fix_and_a_half_typed_document(client: LanguageClient):
    folder = await start(client)
    grade5, grade6 = folder / "grade5.yml", folder / "grade6.yml"
    uri5 = open_doc(client, grade5)
    uri6 = open_doc(client, grade6)
    before6 = await diagnostics_until(client, uri6, gap_on(12))
    # A title with a colon (line 14) breaks the YAML; grade 6 keeps the last good graph of grade 5.
    edit(client, uri5, 2, 13, 15, 31, "Adding: like denominators")
    broken = await diagnostics_until(client, uri5, lambda ds: any(d.code == "yaml-syntax" for d in ds))
    assert [d.code for d in broken] == ["yaml-syntax"]
    assert codes(client.diagnostics[uri6]) == codes(before6)

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri5),
        range=broken[0].range,
        context=types.CodeActionContext(diagnostics=broken)))
    quote = next(a for a in actions if a.title.startswith("Quote the value"))
    assert quote.kind == types.CodeActionKind.QuickFix and quote.is_preferred
    (text_edit,) = quote.edit.changes[uri5]
    assert text_edit.new_text == '"Adding: like denominators"'
    assert text_edit.range == types.Range(start=types.Position(line=13, character=15), end=types.Position(line=13, character=40))
    # Apply it as an editor would: the error goes.
    edit(client, uri5, 3, 13, 15, 40, text_edit.new_text)
    await diagnostics_until(client, uri5, lambda ds: len(ds) == 0)


async def test_disable_for_this_line(client: LanguageClient):
    folder = await start(client)
    uri6 = open_doc(client, folder / "grade6.yml")
    found = await diagnostics_until(client, uri6, gap_on(17))
    gap = next(d for d in found if d.code == "progression-gap" and d.range.start.line == 17)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri6), range=gap.range,
        context=types.CodeActionContext(diagnostics=[gap])))
    disable = next(a for a in actions if a.title == "Disable progression-gap for this line")
    (text_edit,) = disable.edit.changes[uri6]
    assert text_edit.new_text == " # sequencelint-disable-line progression-gap"
    assert text_edit.range.start == types.Position(line=17, character=29)
    edit(client, uri6, 2, 17, 29, 29, text_edit.new_text)
    await diagnostics_until(client, uri6, no_gap_on(17))


async def test_hover_definition_references(client: LanguageClient):
    folder = await start(client)
    grade5, grade6 = folder / "grade5.yml", folder / "grade6.yml"
    uri6 = open_doc(client, grade6)
    await diagnostics_until(client, uri6, lambda ds: True)
    line = grade6.read_text().splitlines()[8]
    at = len(line[: line.index("g5-l2") + 2].encode("utf-16-le")) // 2
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri6), position=types.Position(line=8, character=at)))
    assert "**Lesson `g5-l2`**: Adding fractions" in hover.contents.value
    assert "procedural" in hover.contents.value and "grade 5" in hover.contents.value

    definition = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri6), position=types.Position(line=8, character=at)))
    assert definition.uri == grade5.as_uri()
    assert definition.range == types.Range(start=types.Position(line=12, character=12), end=types.Position(line=12, character=17))

    # On a standard code: the framework's text, grade and emphasis; its definition in the framework.
    code_at = grade6.read_text().splitlines()[12].index("6.RP.A.2") + 1
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri6), position=types.Position(line=12, character=code_at)))
    assert hover.contents.value.startswith("**6.RP.A.2** · standard · grade 6 · major work")
    assert "unit rate" in hover.contents.value and "Builds on:" in hover.contents.value
    definition = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri6), position=types.Position(line=12, character=code_at)))
    framework_line = pathlib.Path(definition.uri.removeprefix("file://")).read_text().splitlines()[definition.range.start.line]
    assert "6.RP.A.2" in framework_line

    # References of a lesson id: its definition and every `requires` naming it.
    uri5 = open_doc(client, grade5)
    refs = await client.text_document_references_async(types.ReferenceParams(
        text_document=types.TextDocumentIdentifier(uri=uri5), position=types.Position(line=12, character=14),
        context=types.ReferenceContext(include_declaration=True)))
    assert sorted((r.uri.rsplit("/", 1)[1], r.range.start.line) for r in refs) == [
        ("grade5.yml", 12), ("grade5.yml", 21), ("grade6.yml", 8)]


async def test_completion(client: LanguageClient):
    folder = await start(client)
    grade6 = folder / "grade6.yml"
    uri6 = open_doc(client, grade6)
    await diagnostics_until(client, uri6, lambda ds: True)
    # `requires: [g6-l2]` of g6-l3 (line 19): complete ids; earlier lessons first, nearest first.
    text = grade6.read_text().splitlines()[18]
    at = text.index("g6-l2")
    edit(client, uri6, 2, 18, at, at + 5, "g")
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri6), position=types.Position(line=18, character=at + 1)))
    ordered = [i.label for i in sorted(result.items, key=lambda i: i.sort_text)]
    assert ordered[:5] == ["g6-l2", "g6-l1", "g5-l3", "g5-l2", "g5-l1"]
    first = next(i for i in result.items if i.label == "g6-l2")
    assert first.detail == "Rates"
    assert first.text_edit.range == types.Range(start=types.Position(line=18, character=at), end=types.Position(line=18, character=at + 1))

    # Standard codes, with their text.
    code_line = grade6.read_text().splitlines()[17]
    at = code_line.index("6.RP.A.3")
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri6), position=types.Position(line=17, character=at + 3)))
    labels = {i.label: i for i in result.items}
    assert "6.RP.A.3" in labels and "ratio" in labels["6.RP.A.3"].documentation.value.lower()
    best = min(result.items, key=lambda i: i.sort_text)
    assert best.label.startswith("6.")

    # A lesson's keys, and kinds.
    edit(client, uri6, 3, 19, 0, 0, "        ki\n")
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri6), position=types.Position(line=19, character=10)))
    assert "kind" in {i.label for i in result.items} and "minutes" in {i.label for i in result.items}
    edit(client, uri6, 4, 19, 8, 10, "kind: c")
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri6), position=types.Position(line=19, character=15)))
    assert [i.label for i in result.items] == ["conceptual", "procedural", "application", "assessment", "review"]


async def test_configuration_is_read_again_when_it_changes(client: LanguageClient):
    folder = await start(client)
    uri6 = open_doc(client, folder / "grade6.yml")
    await diagnostics_until(client, uri6, gap_on(12))
    config = folder / ".sequencelint.yml"
    config.write_text(config.read_text() + "  progression-gap: off\n")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
    await diagnostics_until(client, uri6, lambda ds: not any(d.code == "progression-gap" for d in ds))
