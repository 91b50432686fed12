"""`factpack draft`: a fact-file draft proposed from an article's text, for a contributor to review.

Plain rules over the text, no statistical model: every item is found by a rule the contributor can
read (a capitalised name, a keyword, a date expression), quotes are slices of the article, and every
item is marked for review. sentences → dates, mentions (with the dataset's known names) → events →
the YAML text (render).
"""
