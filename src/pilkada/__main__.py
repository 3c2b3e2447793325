"""``python -m pilkada``: the same as the ``pilkada`` command."""

from pilkada.cli import main

main()
