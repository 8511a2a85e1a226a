"""The image's smoke test, run as a ``RUN`` step of the Dockerfile's ``test`` stage.

As the image's non-root user and without the network: load the analyzer, redact one
note under the shipped default policy, start ``redactor serve`` and wait for
``/readyz``. Prints counts and labels only, never the note.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import urllib.request

NOTE = "山田太郎さん（090-1234-5678）から道路陥没の連絡。"


def main() -> None:
    assert os.getuid() != 0, "the image must run as a non-root user"
    from redactor.policy import load_policy
    from redactor.policy.shipped import default_policy_path
    from redactor.service import redact

    result = redact(NOTE, load_policy(default_policy_path()))
    labels = sorted({e.label for e in result.entities})
    assert "PHONE_NUMBER" in labels and "090-1234-5678" not in result.text, labels
    sys.stdout.write(f"redacted one note: {labels}\n")

    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, REDACTOR_DATA_DIR=data, REDACTOR_PORT="8765",
                   REDACTOR_HOST="127.0.0.1")
        proc = subprocess.Popen(["redactor", "serve"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 180
            while time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen("http://127.0.0.1:8765/readyz", timeout=3) as r:
                        if r.status == 200:
                            sys.stdout.write("server ready\n")
                            return
                except OSError:
                    pass
                if proc.poll() is not None:
                    raise SystemExit("redactor serve exited before it was ready")
                time.sleep(1)
            raise SystemExit("redactor serve was not ready in 180 s")
        finally:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
