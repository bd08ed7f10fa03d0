"""A real terminal for tests: a tmux session we type into and read the screen of."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time

PLAYBOOK = [sys.executable, "-m", "playbook_cli"]


class Tmux:
    """The program runs in a window of its own, with another window active, so tmux
    records the bell it rings (tmux flags bells only in windows not being looked at)."""

    def __init__(self, name: str, cwd, args: list[str], width: int = 110, height: int = 60, env: dict | None = None):
        self.socket = f"pbtest-{os.getpid()}"
        self.session = name
        self.name = f"{name}:walk"
        exports = "".join(f"export {key}={shlex.quote(value)}; " for key, value in (env or {}).items())
        command = f"{exports}{shlex.join(PLAYBOOK + [str(a) for a in args])}; echo EXIT=$?; sleep 120"
        self._tmux("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), "-c", str(cwd), "sleep 600")
        self._tmux("new-window", "-d", "-t", name, "-n", "walk", "-c", str(cwd), command)

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True, capture_output=True, text=True).stdout

    def type(self, text: str, enter: bool = True) -> None:
        self._tmux("send-keys", "-t", self.name, "-l", text)
        if enter:
            self._tmux("send-keys", "-t", self.name, "Enter")

    def key(self, key: str) -> None:
        self._tmux("send-keys", "-t", self.name, key)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name, "-S", "-500")

    def wait_for(self, text: str, timeout: float = 15.0, after: int = 0) -> str:
        """Wait until `text` shows on screen (counting only what follows the first `after` characters)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen[after:]:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.screen()}")

    def bell_rang(self) -> bool:
        return self._tmux("display-message", "-p", "-t", self.name, "#{window_bell_flag}").strip() == "1"

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-session", "-t", self.session], capture_output=True)
