"""Entry point for the `playbook` script and `python -m playbook_cli`.

`--version` is answered here, before the CLI framework is imported, so that the
most common health check stays instant.
"""

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from playbook_cli import __version__  # lazy: the fast path imports nothing else

        print(f"playbook-cli {__version__}")
        return
    from playbook_cli.cli.app import run  # lazy: only past the --version fast path

    run()


if __name__ == "__main__":
    main()
