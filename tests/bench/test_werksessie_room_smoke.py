"""The werksessie room benchmark at tiny scale: it runs, and what it checks holds (no timings asserted).

``python -m bench.werksessie_room`` measures sixty phones (docs/performance.md); here three
phones and one participant alone show that the harness still finds its buttons, reads the
big screen's count and the console's cards and table, and that no post is lost.
"""

import asyncio
from pathlib import Path

from bench.server import APP_SCRIPT, start
from bench.werksessie_room import run_room, summary


def test_three_phones_post_and_every_post_reaches_the_screens(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'werksessies.sqlite'}"
    with start(APP_SCRIPT, env={"KETENDIALOOG_DATABASE_URL": db_url}) as server:
        result = asyncio.run(run_room(server, db_url, participants=3, alone=1, seed=12))
    figures = summary(result)
    assert figures["refused"] == []
    assert (figures["alone_posts"], figures["room_posts"]) == (3, 9)
    assert (figures["stored_estimates"], figures["stored_notes"]) == (4, 8)
    assert (figures["lost"], figures["duplicated"]) == (0, 0)
    assert figures["big_screen_not_shown"] == 0 and figures["big_screen_cycles_max"] is not None
    assert figures["console_not_shown"] == 0 and figures["console_cycles_max"] is not None
    assert figures["exceptions"] == []
