"""Documents for investors and demo days: the one-page summary, the booklet, and every chart."""
