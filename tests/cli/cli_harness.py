"""What the command-line checks share: the binary and source directory from the command line,
`check` (prints ok/FAIL and remembers the failures), `run` (the CLI with arguments, its exit code,
standard output and standard error as text) and `finish` (the exit status).

usage in a check: from cli_harness import check, run, finish, shifan, source
"""
import subprocess
import sys

shifan, source = sys.argv[1], sys.argv[2]
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(*args, stdin=None):
    r = subprocess.run([shifan, *map(str, args)], input=stdin, capture_output=True, timeout=300)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8", "replace")


def finish(name):
    """Exit 1 when a check failed, after saying how many; 0 otherwise."""
    print(f"{name}: {len(failures)} failed" if failures else f"{name}: all passed")
    sys.exit(1 if failures else 0)
