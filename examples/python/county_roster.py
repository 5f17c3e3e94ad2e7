#!/usr/bin/env python3
"""A county roster report on a date: every platform's state and days left, titles expiring this
year, overdue filings, and designated platforms by county and by function.

    usage: county_roster.py [--on YYYY-MM-DD] [--lang zh|en] [--county NAME] [--html FILE] FOLDER

FOLDER holds shifan.history/1 files (one per platform) and shifan.county-filings/1 files (the
counties' art15 reports). The date defaults to today: the only place "today" enters. --html FILE
also writes the roster as the self-contained page of `shifan roster --html` (Roster.to_html)."""
import argparse
import datetime
import json
import pathlib
import sys
import unicodedata

import shifan


def pad(text: str, width: int) -> str:
    """Left-align in a terminal column (CJK characters take two cells)."""
    cells = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - cells)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=pathlib.Path)
    parser.add_argument("--on", type=datetime.date.fromisoformat, default=datetime.date.today())
    parser.add_argument("--lang", choices=("zh", "en"), default="en")
    parser.add_argument("--county", help="only this county's platforms")
    parser.add_argument("--html", type=pathlib.Path, help="also write the roster as an HTML page to this file")
    args = parser.parse_args()

    histories, filings = [], []
    for path in sorted(args.folder.glob("*.json")):
        text = path.read_bytes()
        schema = json.loads(text).get("schema")
        if schema == "shifan.county-filings/1":
            filings.append(text)
        elif schema == "shifan.history/1":
            try:
                h = shifan.History(text)
            except shifan.InputError as e:  # a history the rules forbid names the event and the article
                print(f"{path.name}: {e}", file=sys.stderr)
                return 2
            if args.county and json.loads(text)["platform"].get("county") != args.county:
                h.close()
                continue
            histories.append(h)

    print(f"Roster on {args.on}" + (f", county {args.county}" if args.county else "") + "\n")
    print(f"{'platform':<12} {'county':<8} {'state':<12} {'valid until':<12} {'days left':>9}  next deadline")
    for h in histories:
        with h.status(args.on, lang=args.lang) as st:
            county = json.loads(h.to_json())["platform"].get("county", "-")
            print(f"{h.platform_id:<12} {pad(county, 8)} {st.state:<12} {str(st.valid_until or '-'):<12} "
                  f"{'-' if st.days_left is None else st.days_left:>9}  {st.next_deadline or '-'}")

    with shifan.roster(histories, args.on, filings=filings, lang=args.lang) as roster:
        print("\n" + roster.report())
        if args.html:
            args.html.write_text(roster.to_html(subtitle=args.county), encoding="utf-8")
            print(f"HTML page: {args.html}")
    for h in histories:
        h.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
