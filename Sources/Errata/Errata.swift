// The Errata module; see the README's module table for what it owns.
