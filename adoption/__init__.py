"""The adoption of the draft report in the room: the reading of each part, paragraph by paragraph, the oral
amendments delegations propose and what the meeting decides on each (models, actions, tracked changes)."""
