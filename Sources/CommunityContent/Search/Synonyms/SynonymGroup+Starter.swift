import CommunityModel

extension SynonymGroup {
    /// Starter groups for help-center vocabulary in English, German and Korean, for a host to
    /// seed (``SynonymService/seed(_:)``) and its administrators to edit. Each group is limited
    /// to its language, so a German query does not pull in English articles through a synonym.
    /// Their ids are stable (`syn_starter_…`), so seeding twice adds nothing.
    public static let starterGroups: [SynonymGroup] = [
        starter("en-sign-in", "en", ["sign in", "log in", "login", "log on", "sign on"]),
        starter("en-sign-out", "en", ["sign out", "log out", "logout"]),
        starter("en-sign-up", "en", ["sign up", "register", "create account"]),
        starter("en-password", "en", ["password", "passcode", "passphrase"]),
        starter("en-invoice", "en", ["invoice", "bill"]),
        starter("en-cancel", "en", ["cancel", "terminate", "end subscription"]),
        starter("en-refund", "en", ["refund", "money back", "reimbursement"]),
        starter("en-email", "en", ["email", "e-mail", "mail address"]),
        starter("en-delete-account", "en", ["delete account", "close account", "remove account"]),
        starter("en-2fa", "en", ["two-factor", "2fa", "mfa", "multi-factor"]),
        starter("de-anmelden", "de", ["anmelden", "einloggen", "login", "anmeldung"]),
        starter("de-abmelden", "de", ["abmelden", "ausloggen", "logout"]),
        starter("de-passwort", "de", ["passwort", "kennwort"]),
        starter("de-rechnung", "de", ["rechnung", "faktura"]),
        starter("de-kuendigen", "de", ["kündigen", "kündigung", "beenden", "stornieren"]),
        starter("de-erstattung", "de", ["erstattung", "rückerstattung", "geld zurück"]),
        starter("de-email", "de", ["e-mail", "email", "mail-adresse"]),
        starter("ko-login", "ko", ["로그인", "로그 인", "접속"]),
        starter("ko-logout", "ko", ["로그아웃", "로그 아웃"]),
        starter("ko-password", "ko", ["비밀번호", "암호", "패스워드"]),
        starter("ko-cancel", "ko", ["해지", "해약", "취소"]),
        starter("ko-refund", "ko", ["환불", "반환"]),
        starter("ko-invoice", "ko", ["청구서", "인보이스", "계산서"]),
        starter("ko-signup", "ko", ["회원가입", "가입"]),
    ]

    private static func starter(_ name: String, _ locale: String, _ terms: [String]) -> SynonymGroup {
        SynonymGroup(id: ID(sanitizing: "syn_starter_" + name), locale: locale, terms: terms)
    }
}
