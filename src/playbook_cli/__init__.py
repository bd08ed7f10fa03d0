"""playbook-cli: lint, walk and render customer-support playbooks."""

__version__ = "0.1.0"
