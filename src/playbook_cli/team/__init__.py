"""The team view: many journals read at once, for `playbook status` and `playbook stats`.

It sits beside `render`: it reads journals through `walk` (the one clock model) and
playbooks through `lint`, and hands plain data to the CLI, which prints it or passes it
to `render.stats_page`. Nothing here computes a clock or writes a journal.
"""
