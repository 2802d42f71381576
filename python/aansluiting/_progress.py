"""A Dutch progress line on stderr for long command-line runs."""

from __future__ import annotations

import re
import sys
import time
from typing import TextIO

#: Dutch names of the stages the core reports (unknown stages are shown as given).
STAGES = {
    "load": "Laden",
    "corpus": "Woordgewichten van alle geladen doelen berekenen",
    "vectorise": "Teksten voorbereiden",
    "match": "Afstemmen",
    "align": "Afstemmen",
    "structure": "Structuur vergelijken",
    "analyse": "Analyseren",
    "analysis": "Analyseren",
    "compare": "Varianten vergelijken",
    "report": "Rapport maken",
}


#: A stage that is one of a numbered run ("stap 3 van 20: ..."), as transition.analyse names them.
_RUN_STEP = re.compile(r"\bstap (\d+) van (\d+)\b")


class ProgressLine:
    """Callable as ``progress(done, total)`` or ``progress(stage, done, total)``.

    On a terminal the line is redrawn in place; in a log (not a tty) a line is
    written only when the stage changes or another quarter is done, so that CI
    logs stay short. Stages numbered "stap k van n" (a transition's pairs, each
    a stage of a few steps) count as one run: a line at each tenth of the run,
    not one per stage.
    """

    def __init__(self, label: str = "Afstemmen", unit: str = "doelen", stream: TextIO | None = None,
                 min_interval: float = 0.1) -> None:
        self.label = label
        self.unit = unit
        self.stream = stream if stream is not None else sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.min_interval = min_interval
        self._last_time = 0.0
        self._last_key: tuple[str, int] | None = None
        self._open = False

    def __call__(self, *args) -> None:
        if len(args) >= 3:
            stage, done, total = str(args[0]), int(args[1]), int(args[2])
            label = STAGES.get(stage, f"{self.label} ({stage})")
        elif len(args) == 2:
            label, done, total = self.label, int(args[0]), int(args[1])
        else:
            return
        self.show(label, done, total)

    def show(self, label: str, done: int, total: int) -> None:
        text = f"{label}: {done}/{total} {self.unit}" if total else f"{label}..."
        now = time.monotonic()
        if self.tty:
            if done < total and now - self._last_time < self.min_interval:
                return
            self.stream.write("\r\033[K" + text)
            self._open = True
        else:
            run = _RUN_STEP.search(label)
            if run and total:  # the k-th of n stages: the tenths of the whole run
                step, steps = int(run[1]), int(run[2])
                key = (label[:run.start()], steps, 10 * ((step - 1) * total + min(done, total)) // (steps * total))
            else:
                key = (label, 4 * done // total if total else 0)
            if key == self._last_key:
                return
            self._last_key = key
            self.stream.write(text + "\n")
        self._last_time = now
        self.stream.flush()

    def message(self, text: str) -> None:
        """A line of its own (ends an open progress line first)."""
        self.finish()
        self.stream.write(text + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self._open:
            self.stream.write("\n")
            self.stream.flush()
            self._open = False
