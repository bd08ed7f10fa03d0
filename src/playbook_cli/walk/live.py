"""The walk's terminal for a person at a keyboard: prompt_toolkit for the prompt line.

Why prompt_toolkit: during an incident the lead needs real line editing (arrows,
Home/End, Ctrl-A/E/W), history per kind of question, Tab completion of the choices
(accents folded, so "chua" finds "Chưa nhận"), a bottom toolbar with the clocks
redrawn every second, and reminders that fire on time while nobody types. `input()`
can do none of that.

Division of labour: rich renders everything printed (panels, tables, alerts);
prompt_toolkit owns only the prompt line and the toolbar. Whatever is printed while
the prompt is up goes through `run_in_terminal`: the prompt is erased, the text
printed, the prompt redrawn below it, so output always lands ABOVE the prompt.

One thread: the tick runs as a background task of the prompt's own application (on
its event loop), so the session's state is never touched from two threads. A tick
that raises closes the prompt and its exception propagates out of `ask` (the walk's
error boundary reports it): a reminder engine that fails must not fail silently.

prompt_toolkit and rich are imported inside the methods (`# lazy:`), so importing
this module costs nothing for the commands that never walk.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from playbook_cli.core.matching import fold
from playbook_cli.core.text_safety import terminal_safe
from playbook_cli.walk.terminal import Alert, Ask, Fragments

if TYPE_CHECKING:
    from prompt_toolkit.application import Application
    from prompt_toolkit.completion import Completer
    from prompt_toolkit.formatted_text import StyleAndTextTuples
    from prompt_toolkit.history import InMemoryHistory
    from prompt_toolkit.input import Input
    from prompt_toolkit.output import Output
    from rich.console import Console, RenderableType

TICK_SECONDS = 1.0
# Terminals known not to understand OSC 52 (the Linux console) or anything at all.
_NO_CLIPBOARD_TERMS = frozenset({"dumb", "linux"})
ESC = "\x1b"
BEL = "\a"


def osc52(text: str) -> str:
    """The OSC 52 sequence that puts `text` on the system clipboard ("c")."""
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"{ESC}]52;c;{payload}{BEL}"


def tmux_passthrough(sequence: str) -> str:
    """`sequence` wrapped in tmux's DCS passthrough: every ESC inside doubled."""
    return f"{ESC}Ptmux;{sequence.replace(ESC, ESC + ESC)}{ESC}\\"


def ranked_matches(typed: str, choices: Iterable[str]) -> list[str]:
    """The choices that contain what was typed (accents and case folded), prefix matches first."""
    wanted = fold(typed)
    prefix: list[str] = []
    inside: list[str] = []
    for choice in dict.fromkeys(choices):  # once each, in the given order
        key = fold(choice)
        if key.startswith(wanted):
            prefix.append(choice)
        elif wanted in key:
            inside.append(choice)
    return prefix + inside


def _completer(choices: Sequence[str]) -> Completer:
    from prompt_toolkit.completion import Completer, Completion  # lazy: prompt_toolkit is heavy

    class ChoiceCompleter(Completer):
        """Completes the whole line typed so far: the choices may contain spaces ("Chưa nhận")."""

        def get_completions(self, document, complete_event):
            typed = document.text_before_cursor
            for choice in ranked_matches(typed, choices):
                yield Completion(choice, start_position=-len(typed))

    return ChoiceCompleter()


def _toolbar(toolbar: Callable[[], Fragments]) -> Callable[[], StyleAndTextTuples]:
    """The toolbar as prompt_toolkit calls it at every redraw, its text made terminal-safe.

    It is one line: fragments that would not fit whole are left out (a clock is one
    fragment), so a narrow terminal shows fewer clocks, never a word cut at the edge.
    """
    from prompt_toolkit.application.current import get_app  # lazy: prompt_toolkit is heavy

    def fragments() -> StyleAndTextTuples:
        width = get_app().output.get_size().columns
        shown: StyleAndTextTuples = []
        used = 0
        for style, text in toolbar():
            text = terminal_safe(text)
            if used + len(text) > width - 1:
                break
            shown.append((style, text))
            used += len(text)
        return shown

    return fragments


class LiveTerminal:
    """The `Terminal` of an interactive walk: rich prints, prompt_toolkit asks.

    `input`/`output` are prompt_toolkit objects (tests pass `create_pipe_input()` and
    `DummyOutput()`); by default the real terminal. Not thread-safe: call it from the
    thread that asks (the tick and toolbar callables run on that thread too).
    """

    def __init__(self, console: Console, error_console: Console, *, input: Input | None = None, output: Output | None = None):
        self.console = console
        self.error_console = error_console
        self._input = input
        self._output = output
        self._histories: dict[str, InMemoryHistory] = {}
        self._app: Application | None = None  # the prompt on screen, while `ask` waits

    # -- printing -------------------------------------------------------------

    def show(self, renderable: RenderableType) -> None:
        self._above_prompt(lambda: self.console.print(renderable))

    def warn(self, message: str) -> None:
        from rich.text import Text  # lazy: rich is heavy

        line = Text("! ", style="bold yellow") + Text(terminal_safe(message), style="yellow")
        self._above_prompt(lambda: self.error_console.print(line))

    def _above_prompt(self, print_it: Callable[[], None]) -> None:
        """Print now, or, while a prompt is up, above it (erase the prompt, print, redraw)."""
        app = self._app
        if app is None or not app.is_running:
            print_it()
            return
        from prompt_toolkit.application import run_in_terminal  # lazy: prompt_toolkit is heavy

        run_in_terminal(print_it)  # scheduled on the prompt's loop, in order, before the next key

    # -- asking ---------------------------------------------------------------

    def ask(self, question: Ask) -> str:
        from prompt_toolkit import PromptSession  # lazy: prompt_toolkit is heavy
        from prompt_toolkit.history import InMemoryHistory  # lazy: as above
        from prompt_toolkit.styles import Style  # lazy: as above

        # One history per key; a question without a key recalls nothing and shares nothing.
        history = InMemoryHistory() if question.history is None else self._histories.setdefault(question.history, InMemoryHistory())
        toolbar = question.toolbar
        session: PromptSession[str] = PromptSession(
            input=self._input,
            output=self._output,
            history=history,
            completer=_completer(question.completions) if question.completions else None,
            complete_while_typing=False,  # Tab asks; a menu popping up mid-answer would distract
            bottom_toolbar=_toolbar(toolbar) if toolbar is not None else None,
            refresh_interval=TICK_SECONDS if toolbar is not None else 0,
            # The toolbar's fragments carry their own colours ("green", "red bold"): not reversed.
            style=Style.from_dict({"bottom-toolbar": "noreverse"}),
        )
        failures: list[BaseException] = []

        def start_ticking() -> None:
            if question.tick is not None:
                session.app.create_background_task(self._tick_while_waiting(session.app, question.tick, failures))

        self._app = session.app
        try:
            answer = session.prompt([("bold", terminal_safe(question.prompt)), ("bold fg:ansicyan", " › ")], pre_run=start_ticking)
        finally:
            self._app = None
        if failures:  # the tick failed just as the answer came in: still not silent
            raise failures[0]
        return answer

    async def _tick_while_waiting(self, app: Application, tick: Callable[[], Sequence[Alert]], failures: list[BaseException]) -> None:
        """Every second while the prompt waits: tick, print its alerts above the prompt, ring the bell."""
        import asyncio  # lazy: only a live prompt needs an event loop

        from prompt_toolkit.application import in_terminal  # lazy: prompt_toolkit is heavy

        loop = asyncio.get_running_loop()
        due = loop.time()
        while True:
            due += TICK_SECONDS  # on the second, without drifting by the time the tick took
            await asyncio.sleep(max(0.0, due - loop.time()))
            try:
                alerts = list(tick())
            except Exception as error:
                failures.append(error)
                if not app.is_done:
                    app.exit(exception=error)  # closes the prompt; `ask` raises the error
                return
            if not alerts:
                continue
            async with in_terminal():
                for alert in alerts:
                    self.console.print(alert.renderable)
                    if alert.bell:
                        app.output.bell()
                        app.output.flush()

    # -- clipboard ------------------------------------------------------------

    def copy(self, text: str) -> bool:
        """Put `text` on the clipboard with OSC 52; False when the output is no terminal that can.

        OSC 52 works over SSH (the sequence travels with the output to the terminal
        the lead looks at). Inside tmux (`TMUX` set) both forms are written, because
        which one gets through depends on the user's tmux configuration:
        - the plain sequence: tmux takes it itself when `set-clipboard on` (it then
          fills its paste buffer and forwards it to the outer terminal);
        - the DCS passthrough form: tmux hands it unchanged to the outer terminal
          when `allow-passthrough on` (tmux >= 3.3; older tmux always passed it).
        A tmux that refuses a form ignores it silently; both at once set the same text.
        We cannot know whether the terminal honoured it: True means "sent".
        """
        from prompt_toolkit.application.current import get_app_session  # lazy: prompt_toolkit is heavy

        if os.environ.get("TERM", "") in _NO_CLIPBOARD_TERMS:
            return False
        output = self._output if self._output is not None else get_app_session().output
        if not _is_terminal(output):
            return False
        sequence = osc52(text)
        if os.environ.get("TMUX"):
            sequence += tmux_passthrough(sequence)
        output.write_raw(sequence)
        output.flush()
        return True


def _is_terminal(output: Output) -> bool:
    try:
        return os.isatty(output.fileno())
    except (NotImplementedError, OSError, ValueError, AttributeError):  # DummyOutput, closed or fake streams
        return False
