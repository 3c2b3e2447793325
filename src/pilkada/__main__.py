"""``python -m pilkada``: the same as the ``pilkada`` command."""

from pilkada.launch import main

main()
