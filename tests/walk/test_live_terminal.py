"""LiveTerminal, the walk's prompt_toolkit terminal: keys through a pipe, screen into strings.

Keys are written to a prompt_toolkit pipe input; a key that must wait for something
(the completion menu, a tick) is sent from a timer or from the tick itself.
The few tests that need a tick wait about one second for it, no more.
"""

import io
import os
import threading
import time

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output
from rich.console import Console
from rich.text import Text

from playbook_cli.walk.live import LiveTerminal, osc52, ranked_matches, tmux_passthrough
from playbook_cli.walk.terminal import Alert, Ask

LEFT, UP, ENTER, TAB = "\x1b[D", "\x1b[A", "\r", "\t"


class BellCountingOutput(DummyOutput):
    def __init__(self):
        super().__init__()
        self.bells = 0

    def bell(self):
        self.bells += 1


@pytest.fixture
def pipe():
    with create_pipe_input() as pipe_input:
        yield pipe_input


def console():
    return Console(file=io.StringIO(), force_terminal=False, width=80)


def live(pipe_input, output=None):
    return LiveTerminal(console(), console(), input=pipe_input, output=output if output is not None else DummyOutput())


def later(pipe_input, text, seconds=0.2):
    """Send `text` after the prompt has handled what came before (e.g. Tab's completion)."""
    timer = threading.Timer(seconds, pipe_input.send_text, (text,))
    timer.start()
    return timer


def test_line_editing_returns_what_was_typed(pipe):
    pipe.send_text("abc" + LEFT + LEFT + "X" + ENTER)
    assert live(pipe).ask(Ask("Name")) == "aXbc"


def test_emacs_keys_and_spaces_are_kept(pipe):
    # Ctrl-A to the start, Ctrl-E to the end, Ctrl-W deletes the word before the cursor.
    pipe.send_text("  world\x01hello\x05 there\x17again " + ENTER)
    assert live(pipe).ask(Ask("Name")) == "hello  world again "


def test_history_is_per_key(pipe):
    terminal = live(pipe)
    for key, answer in [("note", "first note"), ("choice", "2"), ("note", "second note")]:
        pipe.send_text(answer + ENTER)
        assert terminal.ask(Ask("Q", history=key)) == answer
    pipe.send_text(UP + ENTER)
    assert terminal.ask(Ask("Q", history="note")) == "second note"
    pipe.send_text(UP + UP + UP + UP + ENTER)  # the history of "note" only, however far up
    assert terminal.ask(Ask("Q", history="note")) == "first note"
    pipe.send_text(UP + ENTER)
    assert terminal.ask(Ask("Q", history="choice")) == "2"
    pipe.send_text(UP + ENTER)
    assert terminal.ask(Ask("Q")) == ""  # no key: nothing to recall


def test_tab_completes_a_choice_folding_accents(pipe):
    pipe.send_text("chua" + TAB)
    later(pipe, ENTER)
    assert live(pipe).ask(Ask("Status", completions=["Đã nhận", "Chưa nhận"])) == "Chưa nhận"


def when_typed(pipe_input, shown, text, timeout=5.0):
    """Send `text` once the prompt's line reads `shown` (Tab completes in the background)."""
    from prompt_toolkit.application.current import get_app_session

    def wait_then_send():
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            app = get_app_session().app
            if app is not None and app.current_buffer.text == shown:
                break
            time.sleep(0.02)
        pipe_input.send_text(text)

    thread = threading.Thread(target=wait_then_send, daemon=True)
    thread.start()
    return thread


def test_tab_completes_the_common_prefix(pipe):
    pipe.send_text("sh" + TAB)
    when_typed(pipe, "show clocks", ENTER)
    assert live(pipe).ask(Ask("Command", completions=["back", "show clocks", "note"])) == "show clocks"


def test_matching_is_folded_anywhere_and_prefix_first():
    choices = ["Đã nhận", "Chưa nhận", "Nhận lại", "Chưa nhận"]
    assert ranked_matches("NHAN", choices) == ["Nhận lại", "Đã nhận", "Chưa nhận"]
    assert ranked_matches("da", choices) == ["Đã nhận"]
    assert ranked_matches("", choices) == ["Đã nhận", "Chưa nhận", "Nhận lại"]
    assert ranked_matches("xyz", choices) == []


def test_tick_runs_while_waiting_prints_alerts_and_rings_the_bell_once_per_alert(pipe):
    output = BellCountingOutput()
    terminal = live(pipe, output)
    calls = []

    def tick():
        calls.append(time.monotonic())
        if len(calls) > 1:
            return []
        later(pipe, ENTER, 0.1)  # answer only once the alerts are out
        return [
            Alert(Text("Reminder: first reply due in 5 minutes")),
            Alert(Text("Breach: first reply"), bell=True),
            Alert("quiet", bell=False),
        ]

    started = time.monotonic()
    assert terminal.ask(Ask("Answer", tick=tick)) == ""
    assert calls and 0.9 <= calls[0] - started <= 2.5
    screen = terminal.console.file.getvalue()
    assert "Reminder: first reply due in 5 minutes" in screen and "Breach: first reply" in screen and "quiet" in screen
    assert output.bells == 2


def test_toolbar_is_redrawn_while_waiting(pipe):
    calls = []

    def toolbar():
        calls.append(time.monotonic())
        return [("green", "first_reply 12m left")]

    started = time.monotonic()
    later(pipe, ENTER, 1.5)
    assert live(pipe).ask(Ask("Answer", toolbar=toolbar)) == ""
    assert len(calls) >= 2
    assert any(0.9 <= when - started < 1.5 for when in calls)  # redrawn by the refresh, before any key


def test_alerts_are_printed_above_the_prompt():
    screen = io.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=24, columns=80), term="xterm")
    shared_console = Console(file=screen, force_terminal=False, width=80)
    with create_pipe_input() as pipe_input:
        terminal = LiveTerminal(shared_console, shared_console, input=pipe_input, output=output)

        def tick():
            later(pipe_input, ENTER, 0.1)
            terminal.warn("clock paused")
            return [Alert(Text("ALERT-LINE"), bell=False)]

        terminal.ask(Ask("Which one", tick=tick))
    written = screen.getvalue()
    assert "ALERT-LINE" in written and "! clock paused" in written
    assert written.rindex("Which one") > written.index("ALERT-LINE")  # the prompt was drawn again, below


def test_a_failing_tick_closes_the_prompt_and_propagates(pipe):
    def tick():
        raise RuntimeError("clock exploded")

    started = time.monotonic()
    with pytest.raises(RuntimeError, match="clock exploded"):
        live(pipe).ask(Ask("Answer", tick=tick))
    assert time.monotonic() - started < 3


def test_ctrl_c_raises_keyboard_interrupt(pipe):
    pipe.send_text("half typed\x03")
    with pytest.raises(KeyboardInterrupt):
        live(pipe).ask(Ask("Answer"))


def test_ctrl_d_on_an_empty_line_raises_eof(pipe):
    pipe.send_text("\x04")
    with pytest.raises(EOFError):
        live(pipe).ask(Ask("Answer"))


def test_show_and_warn_print_with_rich(pipe):
    terminal = live(pipe)
    terminal.show(Text("Step 1 · how-late"))
    terminal.warn("bad \x1b[31m input")
    assert "Step 1 · how-late" in terminal.console.file.getvalue()
    assert terminal.error_console.file.getvalue() == "! bad ^[[31m input\n"


def test_copy_refuses_a_non_terminal_output(pipe, monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")
    assert live(pipe).copy("CS-12") is False
    not_a_tty = Vt100_Output(io.StringIO(), lambda: Size(rows=24, columns=80), term="xterm")
    assert live(pipe, not_a_tty).copy("CS-12") is False


@pytest.fixture
def pty_output():
    master, replica = os.openpty()
    stream = open(replica, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    os.set_blocking(master, False)

    def written():
        try:
            return os.read(master, 65536).decode("utf-8")
        except BlockingIOError:
            return ""

    yield Vt100_Output(stream, lambda: Size(rows=24, columns=80), term="xterm"), written
    stream.close()
    os.close(master)


def test_copy_writes_osc52_to_a_terminal(pipe, pty_output, monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("TMUX", raising=False)
    output, written = pty_output
    assert live(pipe, output).copy("Xin chào, CS-12") is True
    assert written() == "\x1b]52;c;WGluIGNow6BvLCBDUy0xMg==\a"  # base64 of the UTF-8 text


def test_copy_inside_tmux_also_writes_the_passthrough_form(pipe, pty_output, monkeypatch):
    monkeypatch.setenv("TERM", "tmux-256color")
    monkeypatch.setenv("TMUX", "/tmp/tmux-1000/default,123,0")
    output, written = pty_output
    assert live(pipe, output).copy("hi") is True
    plain = "\x1b]52;c;aGk=\a"
    assert written() == plain + "\x1bPtmux;\x1b\x1b]52;c;aGk=\a\x1b\\"
    assert tmux_passthrough(osc52("hi")) == "\x1bPtmux;\x1b\x1b]52;c;aGk=\a\x1b\\"


@pytest.mark.parametrize("term", ["dumb", "linux"])
def test_copy_refuses_terminals_without_osc52(pipe, pty_output, monkeypatch, term):
    monkeypatch.setenv("TERM", term)
    output, written = pty_output
    assert live(pipe, output).copy("hi") is False
    assert written() == ""


def test_importing_the_module_is_cheap():
    import subprocess
    import sys

    code = "import sys, playbook_cli.walk.live; print(any(m.split('.')[0] in {'prompt_toolkit', 'rich'} for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
