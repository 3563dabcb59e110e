extension ObjectSchema {
    /// The built-in objects' schemas with English, German and Korean labels for the objects,
    /// their standard fields and picklist values (no custom fields).
    public static let standard: [ObjectSchema] = [account, contact, lead, opportunity, supportCase]

    private static func f(
        _ name: String, _ type: FieldType, _ en: String, _ de: String, _ ko: String, required: Bool = false,
        values: [String: LocalizedText] = [:]
    ) -> FieldDefinition {
        FieldDefinition(name: name, label: en, type: type, isRequired: required, labels: ["en": en, "de": de, "ko": ko], picklistLabels: values)
    }

    private static func v(_ en: String, _ de: String, _ ko: String) -> LocalizedText { ["en": en, "de": de, "ko": ko] }

    private static let owner = f("OwnerId", .reference("User"), "Owner", "Inhaber", "소유자")
    private static let region = f("Region", .picklist(["NA", "EMEA", "APAC", "LATAM"]), "Region", "Region", "지역", values: [
        "NA": v("North America", "Nordamerika", "북미"), "EMEA": v("EMEA", "EMEA", "유럽·중동·아프리카"),
        "APAC": v("Asia Pacific", "Asien-Pazifik", "아시아 태평양"), "LATAM": v("Latin America", "Lateinamerika", "중남미"),
    ])
    private static let partnerAccount = f("PartnerAccountId", .reference("Account"), "Partner account", "Partnerkonto", "파트너 계정")
    private static let accountField = f("AccountId", .reference("Account"), "Account", "Account", "계정")
    private static let email = f("Email", .text(maxLength: 254), "E-mail", "E-Mail", "이메일")
    private static let firstName = f("FirstName", .text(maxLength: 40), "First name", "Vorname", "이름")
    private static let lastName = f("LastName", .text(maxLength: 80), "Last name", "Nachname", "성", required: true)
    private static let product = f("Product", .text(maxLength: 255), "Product", "Produkt", "제품")
    /// The site a record was created through (Salesforce's `NetworkId`): a lookup to ``siteObject``,
    /// which pages show by the site's name.
    private static let site = f(siteField, .reference(siteObject), "Site", "Website", "사이트")

    /// The API name of the field naming the site a record was created through.
    public static let siteField = "NetworkId"
    /// The object ``siteField`` looks up: a site of the engine, by its id (not a record).
    public static let siteObject: EntityType = "Network"

    private static func make(
        _ object: EntityType, _ labels: LocalizedText, _ plural: LocalizedText, _ standard: [FieldDefinition]
    ) -> ObjectSchema {
        ObjectSchema(builtIn: object, labels: labels, pluralLabels: plural, standardFields: standard)
    }

    /// `Account`.
    public static let account = make("Account", v("Account", "Account", "계정"), v("Accounts", "Accounts", "계정"), [
        f("Name", .text(maxLength: 255), "Account name", "Accountname", "계정 이름", required: true), owner,
        f("ParentId", .reference("Account"), "Parent account", "Übergeordneter Account", "상위 계정"),
        f("IsPartner", .checkbox, "Partner", "Partner", "파트너"),
        f("PartnerTier", .picklist(Account.PartnerTier.allCases.map(\.rawValue)), "Partner tier", "Partnerstufe", "파트너 등급", values: [
            "registered": v("Registered", "Registriert", "등록"), "silver": v("Silver", "Silber", "실버"),
            "gold": v("Gold", "Gold", "골드"), "platinum": v("Platinum", "Platin", "플래티넘"),
        ]),
        region, f("Industry", .text(maxLength: 40), "Industry", "Branche", "업종"),
        f("Website", .text(maxLength: 255), "Website", "Website", "웹사이트"),
    ])

    /// `Contact`.
    public static let contact = make("Contact", v("Contact", "Kontakt", "연락처"), v("Contacts", "Kontakte", "연락처"), [
        firstName, lastName, f("Name", .text(maxLength: 121), "Full name", "Vollständiger Name", "전체 이름"), email,
        f("Phone", .text(maxLength: 40), "Phone", "Telefon", "전화"), accountField, owner,
    ])

    /// `Lead`.
    public static let lead = make("Lead", v("Lead", "Lead", "리드"), v("Leads", "Leads", "리드"), [
        firstName, lastName, f("Company", .text(maxLength: 255), "Company", "Unternehmen", "회사", required: true), email,
        f("Status", .picklist(Lead.Status.allCases.map(\.rawValue)), "Status", "Status", "상태", values: [
            "new": v("New", "Neu", "신규"), "working": v("Working", "In Bearbeitung", "진행 중"),
            "submitted": v("Submitted", "Eingereicht", "제출됨"), "approved": v("Approved", "Genehmigt", "승인됨"),
            "rejected": v("Rejected", "Abgelehnt", "거부됨"), "qualified": v("Qualified", "Qualifiziert", "적격"),
            "unqualified": v("Unqualified", "Nicht qualifiziert", "부적격"), "converted": v("Converted", "Konvertiert", "전환됨"),
        ]),
        f("LeadSource", .text(maxLength: 40), "Lead source", "Leadquelle", "리드 소스"), partnerAccount, region, product, owner, site,
    ])

    /// `Opportunity`.
    public static let opportunity = make("Opportunity", v("Opportunity", "Verkaufschance", "영업 기회"),
                                         v("Opportunities", "Verkaufschancen", "영업 기회"), [
        f("Name", .text(maxLength: 120), "Opportunity name", "Name der Verkaufschance", "영업 기회 이름", required: true), accountField,
        f("StageName", .picklist(["Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won", "Closed Lost"]),
          "Stage", "Phase", "단계", values: [
            "Prospecting": v("Prospecting", "Akquise", "잠재 고객 발굴"), "Qualification": v("Qualification", "Qualifizierung", "검증"),
            "Proposal": v("Proposal", "Angebot", "제안"), "Negotiation": v("Negotiation", "Verhandlung", "협상"),
            "Closed Won": v("Closed won", "Gewonnen", "수주"), "Closed Lost": v("Closed lost", "Verloren", "실주"),
          ]),
        f("Amount", .currency, "Amount", "Betrag", "금액"), f("CloseDate", .date, "Close date", "Abschlussdatum", "마감일"),
        f("Probability", .number(min: 0, max: 100), "Probability (%)", "Wahrscheinlichkeit (%)", "확률(%)"), partnerAccount,
        f("NextStep", .text(maxLength: 255), "Next step", "Nächster Schritt", "다음 단계"), region, owner,
        f("CurrencyIsoCode", .text(maxLength: 3), "Currency", "Währung", "통화"), site,
    ])

    /// `Case`.
    public static let supportCase = make("Case", v("Case", "Fall", "케이스"), v("Cases", "Fälle", "케이스"), [
        f("Subject", .text(maxLength: 255), "Subject", "Betreff", "제목", required: true),
        f("Description", .text(maxLength: 32_000), "Description", "Beschreibung", "설명"), accountField,
        f("ContactId", .reference("Contact"), "Contact", "Kontakt", "연락처"),
        f("Status", .picklist(["New", "Working", "Waiting on Customer", "Escalated", "Closed"]), "Status", "Status", "상태", values: [
            "New": v("New", "Neu", "신규"), "Working": v("Working", "In Bearbeitung", "진행 중"),
            "Waiting on Customer": v("Waiting on customer", "Wartet auf Kunden", "고객 응답 대기"),
            "Escalated": v("Escalated", "Eskaliert", "에스컬레이션됨"), "Closed": v("Closed", "Geschlossen", "종료됨"),
        ]),
        f("Priority", .picklist(Case.Priority.allCases.map(\.rawValue)), "Priority", "Priorität", "우선순위", values: [
            "low": v("Low", "Niedrig", "낮음"), "medium": v("Medium", "Mittel", "보통"),
            "high": v("High", "Hoch", "높음"), "critical": v("Critical", "Kritisch", "긴급"),
        ]),
        f("Origin", .picklist(Case.Origin.allCases.map(\.rawValue)), "Origin", "Herkunft", "접수 경로", values: [
            "web": v("Web", "Web", "웹"), "email": v("E-mail", "E-Mail", "이메일"), "phone": v("Phone", "Telefon", "전화"),
            "community": v("Community", "Community", "커뮤니티"), "chat": v("Chat", "Chat", "채팅"), "question": v("Question", "Frage", "질문"),
        ]),
        product, f("CreatedDate", .dateTime, "Opened", "Erstellt", "접수일"), owner, site,
    ])
}
