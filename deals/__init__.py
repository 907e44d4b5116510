"""Deals: transfer mentions folded into the deals analysts follow (one supplier, recipient and weapon)."""
