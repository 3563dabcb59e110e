import CommunityModel
import Foundation

/// A fixed clock at the fixtures' epoch.
func ManualClockForTests() -> ManualClock { ManualClock(SearchFixtures.epoch) }
