"""People's accounts: who is acting, passwords, signing in and staying signed in, and the audit log."""
