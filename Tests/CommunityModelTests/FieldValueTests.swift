import CommunityModel
import Foundation
import Testing

@Suite struct FieldValueTests {
    @Test func ordersWithinEachKind() throws {
        #expect(FieldValue.ordered(.text("a"), .text("b")))
        #expect(!FieldValue.ordered(.text("b"), .text("a")))
        #expect(FieldValue.ordered(.number(-1), .number(2.5)))
        #expect(FieldValue.ordered(.currency(Decimal(string: "9.99")!), .currency(10)))
        #expect(FieldValue.ordered(.date(try Day(parsing: "2025-12-31")), .date(try Day(parsing: "2026-01-01"))))
        #expect(FieldValue.ordered(.dateTime(Date(timeIntervalSince1970: 1)), .dateTime(Date(timeIntervalSince1970: 2))))
        #expect(FieldValue.ordered(.checkbox(false), .checkbox(true)))
        #expect(!FieldValue.ordered(.checkbox(true), .checkbox(false)))
        #expect(!FieldValue.ordered(.checkbox(true), .checkbox(true)))
        #expect(FieldValue.ordered(.picklist("Closed"), .picklist("New")))
        #expect(FieldValue.ordered(.reference("acc-1"), .reference("acc-2")))
        #expect(!FieldValue.ordered(.number(3), .number(3)))
    }

    @Test func ordersDifferentKindsByKindName() {
        #expect(FieldValue.ordered(.number(100), .text("0")))  // "number" < "text"
        #expect(!FieldValue.ordered(.text("0"), .number(100)))
        #expect(FieldValue.ordered(.checkbox(true), .date(try! Day(parsing: "2026-01-01"))))  // "checkbox" < "date"
    }

    @Test func describesValuesAsCriteriaLiterals() throws {
        #expect(FieldValue.number(42).description == "42")
        #expect(FieldValue.number(2.5).description == "2.5")
        #expect(FieldValue.checkbox(true).description == "true")
        #expect(FieldValue.date(try Day(parsing: "2026-03-04")).description == "2026-03-04")
        #expect(FieldValue.dateTime(Date(timeIntervalSince1970: 0)).description == "1970-01-01T00:00:00Z")
        #expect(FieldValue.picklist("Gold").description == "Gold")
        #expect(FieldValue.currency(Decimal(string: "12.50")!).description == "12.5")
    }

    @Test func roundTripsThroughJSON() throws {
        let values: [FieldValue] = [
            .text("Grüße 안녕"), .number(-3.25), .currency(Decimal(string: "1500.75")!), .date(try Day(parsing: "2024-02-29")),
            .dateTime(Date(timeIntervalSince1970: 1_767_225_600.5)), .checkbox(false), .picklist("EMEA"), .reference("acc-1"),
        ]
        let decoded = try JSONDecoder().decode([FieldValue].self, from: JSONEncoder().encode(values))
        #expect(decoded == values)
        #expect(values.map(\.kindName) == ["text", "number", "currency", "date", "dateTime", "checkbox", "picklist", "reference"])
    }
}
