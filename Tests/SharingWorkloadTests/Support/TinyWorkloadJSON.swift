/// A tiny handwritten workload file in the contract's one-entity-per-line layout.
/// Line numbers matter to the loader tests: the first record is on line 27.
enum TinyWorkloadJSON {
    static let text = """
        {
        "format": "sharing-workload/1",
        "scale": "handwritten",
        "seed": 7,
        "orgDefaults": {"Opportunity":{"internal":"private","external":"private"},"Case":{"internal":"read","external":"private"}},
        "profiles": [
        {"id":"Std","objects":{"Opportunity":"edit","Case":"read"},"viewAll":[],"modifyAll":[]},
        {"id":"Cust","objects":{"Opportunity":"none","Case":"edit"},"viewAll":[],"modifyAll":[]}
        ],
        "roles": [
        {"id":"r1","parent":null,"kind":"internal","account":null},
        {"id":"r2","parent":"r1","kind":"internal","account":null}
        ],
        "users": [
        {"id":"u1","kind":"internal","role":"r1","profile":"Std","account":null,"superUser":false},
        {"id":"u2","kind":"internal","role":"r2","profile":"Std","account":null,"superUser":false},
        {"id":"u3","kind":"customer","role":null,"profile":"Cust","account":"a1","superUser":false}
        ],
        "groups": [{"id":"g1","members":[{"user":"u2"},{"roleAndSubordinates":"r2"}]}],
        "accounts": [{"id":"a1","owner":"u1","region":"NA","partner":false}],
        "sharingRules": [
        {"id":"sr1","object":"Opportunity","kind":"criteria","field":"region","equals":"EMEA","to":{"group":"g1"},"access":"read"}
        ],
        "sharingSets": [{"object":"Case","userKinds":["customer"],"userField":"account","recordField":"account","access":"edit"}],
        "manualShares": [{"record":"rec1","to":{"user":"u3"},"access":"read"}],
        "records": [
        {"id":"rec1","object":"Opportunity","owner":"u2","account":"a1","region":"NA","amount":5000},
        {"id":"rec2","object":"Case","owner":"u3","account":"a1","region":"EMEA","amount":0},
        {"id":"rec3","object":"Opportunity","owner":"u1","account":"a1","region":"EMEA","amount":100}
        ],
        "checks": [
        {"user":"u1","record":"rec1","action":"edit","expected":true},
        {"user":"u2","record":"rec3","action":"read","expected":true},
        {"user":"u2","record":"rec3","action":"edit","expected":false},
        {"user":"u3","record":"rec2","action":"edit","expected":true},
        {"user":"u3","record":"rec1","action":"read","expected":false}
        ],
        "lists": [
        {"user":"u1","object":"Opportunity","expectedCount":2},
        {"user":"u2","object":"Opportunity","expectedCount":2},
        {"user":"u3","object":"Case","expectedCount":1}
        ]
        }
        """

    /// The text with the first occurrence of `old` replaced by `new`.
    static func replacing(_ old: String, with new: String) -> String {
        guard let range = text.range(of: old) else { fatalError("test fixture has no \(old)") }
        return text.replacingCharacters(in: range, with: new)
    }
}

import Foundation
