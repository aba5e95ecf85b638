"""Optional generated answers: a language model rephrases the grounded answer, and a guard decides whether it is shown."""
