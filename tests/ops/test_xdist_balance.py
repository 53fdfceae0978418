"""pytest-xdist's scheduler for `make test` (the root conftest, pytest_xdist_make_scheduler):
a worker holds at most a few tests, so that when the last test is handed out the other worker
is never left with a long queue (the tail of the run), and tests go out in collection order
(pytest-django's order of database, transactional and other tests within each worker)."""

import pytest


class FakeConfig:
    def getvalue(self, name):
        return {"dist": "load", "tx": ["2*popen"]}[name]

    def getoption(self, name):
        assert name == "maxschedchunk"


class FakeNode:
    def __init__(self, name):
        self.gateway = type("Gateway", (), {"id": name})()
        self.shutting_down = False
        self.received: list[int] = []

    def send_runtest_some(self, indices):
        self.received.extend(indices)

    def shutdown(self):
        self.shutting_down = True


def test_a_fast_worker_never_takes_more_than_a_short_queue(request):
    pytest.importorskip("xdist")
    scheduler = request.config.hook.pytest_xdist_make_scheduler(config=FakeConfig(), log=None)
    quick, slow = FakeNode("quick"), FakeNode("slow")
    collection = [f"test_{index}" for index in range(200)]
    for node in (quick, slow):
        scheduler.add_node(node)
        scheduler.add_node_collection(node, collection)
    scheduler.schedule()
    queue = scheduler.node2pending

    # The slow worker is busy with its first test while the quick one runs everything else.
    longest = 0
    while scheduler.pending or queue[quick]:
        scheduler.mark_test_complete(quick, queue[quick][0], duration=0.01)
        longest = max(longest, len(queue[quick]), len(queue[slow]))
    assert longest <= 4
    assert len(slow.received) == 4  # what it held when the run started, nothing more
    assert quick.shutting_down and not scheduler.pending

    # Every index went out once, in collection order, to one worker or the other.
    assert sorted(quick.received + slow.received) == list(range(200))
    assert quick.received == sorted(quick.received)
    assert slow.received == sorted(slow.received)
