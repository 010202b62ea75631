"""A plain-text progress bar for management commands."""


class ProgressBar:
    def __init__(self, stream, label, width=30, enabled=True):
        self.stream = stream
        self.label = label
        self.width = width
        self.enabled = enabled
        self.last_step = -1

    def __call__(self, done, total):
        if not self.enabled:
            return
        total = max(total, 1)
        filled = min(self.width, int(self.width * done / total))
        step = int(20 * done / total)  # at most 21 lines when not on a terminal
        if step == self.last_step and done != total:
            return
        self.last_step = step
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"{self.label} [{bar}] {done}/{total}")
