<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
    <context>
        <name>Basis</name>
        <message>
            <source>alleged</source>
            <translation>مُدَّعى</translation>
        </message>
        <message>
            <source>observed</source>
            <translation>مُشاهَد</translation>
        </message>
    </context>
    <context>
        <name>BundleDialog</name>
        <message>
            <source>A public bundle carries the public version only; the key annex never goes into a bundle.</source>
            <translation>لا تحمل الحزمة العامة إلا النسخة العامة؛ ولا يدخل ملحق الهويات أي حزمة أبدًا.</translation>
        </message>
        <message>
            <source>Dossier</source>
            <translation>البلاغ</translation>
        </message>
        <message>
            <source>Export the evidence bundle</source>
            <translation>تصدير حزمة الأدلة</translation>
        </message>
        <message>
            <source>Full (confidential): every exhibit's original file</source>
            <translation>كاملة (سرية): الملف الأصلي لكل قطعة إثبات</translation>
        </message>
        <message>
            <source>Include the dossier (PDF and DOCX), in</source>
            <translation>تضمين البلاغ (PDF وDOCX)، باللغة</translation>
        </message>
        <message>
            <source>Not signed</source>
            <translation>غير موقّعة</translation>
        </message>
        <message>
            <source>One bundle, not split</source>
            <translation>حزمة واحدة دون تقسيم</translation>
        </message>
        <message>
            <source>Part size</source>
            <translation>حجم الأجزاء</translation>
        </message>
        <message>
            <source>Parts</source>
            <translation>الأجزاء</translation>
        </message>
        <message>
            <source>Parts of another size…</source>
            <translation>أجزاء بحجم آخر…</translation>
        </message>
        <message>
            <source>Parts of at most 2 GB</source>
            <translation>أجزاء لا يتجاوز كل منها 2 غيغابايت</translation>
        </message>
        <message>
            <source>Parts of at most 500 MB</source>
            <translation>أجزاء لا يتجاوز كل منها 500 ميغابايت</translation>
        </message>
        <message>
            <source>Public: public fields only, sensitive files left out, redacted copies sent</source>
            <translation>عامة: الحقول العامة فقط، دون الملفات الحساسة، مع إرسال النسخ المنقّحة</translation>
        </message>
        <message>
            <source>Reading the organisation's key…</source>
            <translation>جارٍ قراءة مفتاح المنظمة…</translation>
        </message>
        <message>
            <source>Sign it with the organisation's key</source>
            <translation>توقيعها بمفتاح المنظمة</translation>
        </message>
        <message>
            <source>Signed by key {fingerprint}</source>
            <translation>موقّعة بالمفتاح {fingerprint}</translation>
        </message>
        <message>
            <source>The organisation's key: {fingerprint}</source>
            <translation>مفتاح المنظمة: {fingerprint}</translation>
        </message>
        <message>
            <source>This case has no signing key yet: one will be made, kept in the case and recorded in custody.</source>
            <translation>لا يوجد لهذه القضية مفتاح توقيع بعد: سيُنشأ مفتاح ويُحفظ في القضية ويُسجَّل في سجل سلسلة الحيازة.</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>النسخة</translation>
        </message>
        <message>
            <source>Writing the dossier: {name}</source>
            <translation>جارٍ كتابة البلاغ: {name}</translation>
        </message>
        <message>
            <source>e.g. 700M or 1.5G</source>
            <translation>مثلًا 700M أو 1.5G</translation>
        </message>
        <message>
            <source>the bag</source>
            <translation>الحقيبة</translation>
        </message>
        <message>
            <source>{done} of {total}: {name}</source>
            <translation>{done} من {total}: {name}</translation>
        </message>
        <message>
            <source>{part}: {files} files, {size}; its tag manifest's SHA-256:</source>
            <translation>{part}: {files} ملفًا، {size}؛ بصمة SHA-256 لبيان الوسوم فيها:</translation>
        </message>
        <message>
            <source>{sent} exhibit file(s) sent, {withheld} listed without their file</source>
            <translation>أُرسل {sent} ملفًّا من قطع الإثبات، وأُدرجت {withheld} دون ملفاتها</translation>
        </message>
    </context>
    <context>
        <name>CatalogueView</name>
        <message>
            <source>Article {n}</source>
            <translation>المادة {n}</translation>
        </message>
        <message>
            <source>Articles 25 and 28</source>
            <translation>المادتان 25 و28</translation>
        </message>
        <message>
            <source>Element details</source>
            <translation>تفاصيل الركن</translation>
        </message>
        <message>
            <source>Footnotes</source>
            <translation>الحواشي</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>المعرّف</translation>
        </message>
        <message>
            <source>Introduction</source>
            <translation>مقدمة</translation>
        </message>
        <message>
            <source>Legal catalogue</source>
            <translation>الفهرس القانوني</translation>
        </message>
        <message>
            <source>Link the selected exhibits to {id}…</source>
            <translation>ربط قطع الإثبات المحددة بـ {id}…</translation>
        </message>
        <message>
            <source>Linked exhibits</source>
            <translation>قطع الإثبات المرتبطة</translation>
        </message>
        <message>
            <source>Modes of liability</source>
            <translation>أشكال المسؤولية</translation>
        </message>
        <message>
            <source>No exhibit is linked yet.</source>
            <translation>لم تُربط أي قطعة إثبات بعد.</translation>
        </message>
        <message>
            <source>Nothing matches.</source>
            <translation>لا توجد نتائج مطابقة.</translation>
        </message>
        <message>
            <source>Search crimes and elements, in English, French or Arabic (Enter)</source>
            <translation>ابحث في الجرائم والأركان بالإنجليزية أو الفرنسية أو العربية (Enter)</translation>
        </message>
        <message>
            <source>Search the catalogue</source>
            <translation>البحث في فهرس الجرائم والأركان</translation>
        </message>
        <message>
            <source>Shared context</source>
            <translation>السياق المشترك</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>المصادر</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>النص</translation>
        </message>
        <message>
            <source>The catalogue's texts are in English only. The search also understands everyday words in French and Arabic. Drop exhibits on an element to link them to it.</source>
            <translation>نصوص الفهرس بالإنجليزية فقط. ويفهم البحث أيضًا كلمات شائعة بالفرنسية والعربية. أفلت قطع الإثبات على ركن لربطها به.</translation>
        </message>
        <message>
            <source>Verification</source>
            <translation>التحقق</translation>
        </message>
        <message>
            <source>[contextual] </source>
            <translation>[سياقي] </translation>
        </message>
        <message>
            <source>contextual element</source>
            <translation>ركن سياقي</translation>
        </message>
        <message>
            <source>element</source>
            <translation>ركن</translation>
        </message>
        <message>
            <source>elements not available</source>
            <translation>الأركان غير متاحة</translation>
        </message>
        <message>
            <source>partly verified</source>
            <translation>تم التحقق جزئيًا</translation>
        </message>
        <message>
            <source>shared contextual element</source>
            <translation>ركن سياقي مشترك</translation>
        </message>
        <message>
            <source>spot-checked against an independent source</source>
            <translation>تم التحقق بالعيّنة من مصدر مستقل</translation>
        </message>
        <message>
            <source>taken from a cited secondary source</source>
            <translation>مأخوذ من مصدر ثانوي مذكور</translation>
        </message>
        <message>
            <source>unverified transcription</source>
            <translation>نسخ غير متحقق منه</translation>
        </message>
        <message>
            <source>{n} crime(s) match</source>
            <translation>{n} جريمة مطابقة</translation>
        </message>
    </context>
    <context>
        <name>ChargeStatus</name>
        <message>
            <source>draft</source>
            <translation>مسودة</translation>
        </message>
        <message>
            <source>ready</source>
            <translation>جاهزة</translation>
        </message>
        <message>
            <source>supported</source>
            <translation>مدعومة</translation>
        </message>
    </context>
    <context>
        <name>ChargesView</name>
        <message>
            <source>Add a charge</source>
            <translation>إضافة تهمة</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>إضافة…</translation>
        </message>
        <message>
            <source>Charge</source>
            <translation>التهمة</translation>
        </message>
        <message>
            <source>Crime</source>
            <translation>الجريمة</translation>
        </message>
        <message>
            <source>Edit {ref}</source>
            <translation>تعديل {ref}</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>تعديل…</translation>
        </message>
        <message>
            <source>Incidents</source>
            <translation>الحوادث</translation>
        </message>
        <message>
            <source>Incidents covered</source>
            <translation>الحوادث المشمولة</translation>
        </message>
        <message>
            <source>Legal analysis</source>
            <translation>التحليل القانوني</translation>
        </message>
        <message>
            <source>Mode of liability</source>
            <translation>شكل المسؤولية</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>الشخص</translation>
        </message>
        <message>
            <source>Reason for the change</source>
            <translation>سبب التعديل</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Suspects</source>
            <translation>المشتبه بهم</translation>
        </message>
        <message>
            <source>Warnings</source>
            <translation>التنبيهات</translation>
        </message>
        <message>
            <source>Why is it changed? (kept in the custody log)</source>
            <translation>لماذا يُعدَّل؟ (يُحفظ في سجل سلسلة الحيازة)</translation>
        </message>
        <message>
            <source>{ref}: no warning.</source>
            <translation>{ref}: لا توجد تنبيهات.</translation>
        </message>
    </context>
    <context>
        <name>ConsentScope</name>
        <message>
            <source>NGOs</source>
            <translation>المنظمات غير الحكومية</translation>
        </message>
        <message>
            <source>other courts</source>
            <translation>محاكم أخرى</translation>
        </message>
        <message>
            <source>the ICC</source>
            <translation>المحكمة الجنائية الدولية</translation>
        </message>
        <message>
            <source>the public</source>
            <translation>الجمهور</translation>
        </message>
    </context>
    <context>
        <name>ConsentState</name>
        <message>
            <source>given</source>
            <translation>ممنوحة</translation>
        </message>
        <message>
            <source>withdrawn</source>
            <translation>مسحوبة</translation>
        </message>
    </context>
    <context>
        <name>CreateCaseDialog</name>
        <message>
            <source>Browse…</source>
            <translation>استعراض…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
        <message>
            <source>Case folder</source>
            <translation>مجلد القضية</translation>
        </message>
        <message>
            <source>Create a case</source>
            <translation>إنشاء قضية</translation>
        </message>
        <message>
            <source>Create the case</source>
            <translation>إنشاء القضية</translation>
        </message>
        <message>
            <source>Creating the case…</source>
            <translation>جارٍ إنشاء القضية…</translation>
        </message>
        <message>
            <source>I have written it down</source>
            <translation>لقد دوّنته</translation>
        </message>
        <message>
            <source>New case folder</source>
            <translation>مجلد قضية جديد</translation>
        </message>
        <message>
            <source>Open the case</source>
            <translation>فتح القضية</translation>
        </message>
        <message>
            <source>That does not match the code above.</source>
            <translation>هذا لا يطابق الرمز أعلاه.</translation>
        </message>
        <message>
            <source>This is the case's recovery code. It is shown only now. Write it on paper and keep it apart from this computer: with it, anyone can open the case; without it and the passphrase, nobody can, not even you.</source>
            <translation>هذا هو رمز الاسترداد الخاص بالقضية، ولن يُعرض إلا الآن. اكتبه على ورق واحفظه بعيدًا عن هذا الحاسوب: بواسطته يستطيع أي شخص فتح القضية؛ وبدونه وبدون عبارة المرور لا يستطيع أحد فتحها، ولا حتى أنت.</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <source>To check, type group {a} and group {b} of the code (counting from the left):</source>
            <translation>للتحقق، اكتب المجموعة {a} والمجموعة {b} من الرمز (بالعدّ من اليسار):</translation>
        </message>
        <message>
            <source>defaults to the folder's name</source>
            <translation>اسم المجلد افتراضيًا</translation>
        </message>
    </context>
    <context>
        <name>CustodyFilter</name>
        <message>
            <source>Action</source>
            <translation>الإجراء</translation>
        </message>
        <message>
            <source>Every action</source>
            <translation>كل الإجراءات</translation>
        </message>
        <message>
            <source>Filter</source>
            <translation>تصفية</translation>
        </message>
        <message>
            <source>From</source>
            <translation>من</translation>
        </message>
        <message>
            <source>From (YYYY-MM-DD)</source>
            <translation>من (YYYY-MM-DD)</translation>
        </message>
        <message>
            <source>From day (UTC)</source>
            <translation>من يوم (UTC)</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>السجل</translation>
        </message>
        <message>
            <source>Record, e.g. EX-3</source>
            <translation>السجل، مثل EX-3</translation>
        </message>
        <message>
            <source>Show all</source>
            <translation>عرض الكل</translation>
        </message>
        <message>
            <source>The last day is before the first day; swap them.</source>
            <translation>اليوم الأخير يسبق اليوم الأول؛ بدّل بينهما.</translation>
        </message>
        <message>
            <source>To</source>
            <translation>إلى</translation>
        </message>
        <message>
            <source>To (YYYY-MM-DD)</source>
            <translation>إلى (YYYY-MM-DD)</translation>
        </message>
        <message>
            <source>To day (UTC)</source>
            <translation>إلى يوم (UTC)</translation>
        </message>
        <message>
            <source>{what}: “{text}” is not a day; write it as YYYY-MM-DD.</source>
            <translation>{what}: «{text}» ليس تاريخ يوم؛ اكتبه بالشكل YYYY-MM-DD.</translation>
        </message>
    </context>
    <context>
        <name>DetailPanel</name>
        <message>
            <source>(hidden: aliases, date of birth and contact show after Reveal identity)</source>
            <translation>(مخفية: تظهر الأسماء المستعارة وتاريخ الميلاد ووسيلة الاتصال بعد «كشف الهوية»)</translation>
        </message>
        <message>
            <source>(hidden: use Reveal identity)</source>
            <translation>(مخفي: استخدم «كشف الهوية»)</translation>
        </message>
        <message>
            <source>Acquisitions</source>
            <translation>عمليات الاستلام</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>الإجراء</translation>
        </message>
        <message>
            <source>Aliases</source>
            <translation>الأسماء المستعارة</translation>
        </message>
        <message>
            <source>Captured</source>
            <translation>تاريخ الالتقاط</translation>
        </message>
        <message>
            <source>Choose an exhibit or a record to see its details here.</source>
            <translation>اختر قطعة إثبات أو سجلًا لترى تفاصيله هنا.</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>وسيلة الاتصال</translation>
        </message>
        <message>
            <source>Coordinates</source>
            <translation>الإحداثيات</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>تاريخ الميلاد</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>محذوف</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>الوصف</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>التفاصيل</translation>
        </message>
        <message>
            <source>Entry hash</source>
            <translation>بصمة القيد</translation>
        </message>
        <message>
            <source>Grading</source>
            <translation>التقييم</translation>
        </message>
        <message>
            <source>Hashes</source>
            <translation>البصمات</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>الهوية</translation>
        </message>
        <message>
            <source>Import warnings</source>
            <translation>تحذيرات الاستيراد</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Links</source>
            <translation>الروابط</translation>
        </message>
        <message>
            <source>Metadata</source>
            <translation>البيانات الوصفية</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>الملاحظات</translation>
        </message>
        <message>
            <source>Original name</source>
            <translation>الاسم الأصلي</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>المكان</translation>
        </message>
        <message>
            <source>Precision</source>
            <translation>الدقة</translation>
        </message>
        <message>
            <source>Protection</source>
            <translation>الحماية</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>الخطر</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>الدور</translation>
        </message>
        <message>
            <source>Sensitivity</source>
            <translation>الحساسية</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>الحجم</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>المصدر</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>الوسوم</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>نوع الملف</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>حتى</translation>
        </message>
        <message>
            <source>When</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>When (UTC)</source>
            <translation>التاريخ (UTC)</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>مَن</translation>
        </message>
        <message>
            <source>extracted text SHA-256</source>
            <translation>SHA-256 للنص المستخرج</translation>
        </message>
        <message>
            <source>none recorded</source>
            <translation>لا شيء مسجّل</translation>
        </message>
        <message>
            <source>thumbnail SHA-256</source>
            <translation>SHA-256 للصورة المصغّرة</translation>
        </message>
        <message>
            <source>{n} bytes</source>
            <translation>{n} بايت</translation>
        </message>
    </context>
    <context>
        <name>DossierDialog</name>
        <message>
            <source>Add the confidential key annex</source>
            <translation>إضافة ملحق الهويات السري</translation>
        </message>
        <message>
            <source>Admissibility (complementarity, gravity)</source>
            <translation>المقبولية (التكامل، الجسامة)</translation>
        </message>
        <message>
            <source>Alleged perpetrators and modes of liability</source>
            <translation>الجناة المزعومون وأشكال المسؤولية</translation>
        </message>
        <message>
            <source>Always included: the Office of the Prosecutor's first filter needs the sender, the facts, jurisdiction, the crimes and the evidence index.</source>
            <translation>مُدرج دائمًا: يحتاج الفرز الأول لمكتب المدعي العام إلى المُرسِل والوقائع والاختصاص والجرائم وفهرس الأدلة.</translation>
        </message>
        <message>
            <source>Annexes</source>
            <translation>المرفقات</translation>
        </message>
        <message>
            <source>Conclusion and request</source>
            <translation>الخاتمة والطلب</translation>
        </message>
        <message>
            <source>Contents</source>
            <translation>المحتويات</translation>
        </message>
        <message>
            <source>Contextual elements</source>
            <translation>الأركان السياقية</translation>
        </message>
        <message>
            <source>Cover sheet</source>
            <translation>صفحة الغلاف</translation>
        </message>
        <message>
            <source>DOCX (Word)</source>
            <translation>DOCX (Word)</translation>
        </message>
        <message>
            <source>Evidence index</source>
            <translation>فهرس الأدلة</translation>
        </message>
        <message>
            <source>Executive summary</source>
            <translation>الملخص التنفيذي</translation>
        </message>
        <message>
            <source>Export the dossier</source>
            <translation>تصدير البلاغ</translation>
        </message>
        <message>
            <source>Factual background</source>
            <translation>الخلفية الوقائعية</translation>
        </message>
        <message>
            <source>Formats</source>
            <translation>الصيغ</translation>
        </message>
        <message>
            <source>Full (confidential) and public redacted versions</source>
            <translation>النسخة الكاملة (السرية) والنسخة العامة المنقّحة</translation>
        </message>
        <message>
            <source>Identities revealed in the key annex: {refs}</source>
            <translation>الهويات المكشوفة في ملحق الهويات: {refs}</translation>
        </message>
        <message>
            <source>Interests of justice</source>
            <translation>مصالح العدالة</translation>
        </message>
        <message>
            <source>Introduction</source>
            <translation>المقدمة</translation>
        </message>
        <message>
            <source>Jurisdiction</source>
            <translation>الاختصاص</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>اللغة</translation>
        </message>
        <message>
            <source>One part per charged crime</source>
            <translation>جزء لكل جريمة منسوبة</translation>
        </message>
        <message>
            <source>PDF</source>
            <translation>PDF</translation>
        </message>
        <message>
            <source>Protection of witnesses and methodology</source>
            <translation>حماية الشهود والمنهجية</translation>
        </message>
        <message>
            <source>Public redacted version only</source>
            <translation>النسخة العامة المنقّحة فقط</translation>
        </message>
        <message>
            <source>Reading the case…</source>
            <translation>جارٍ قراءة القضية…</translation>
        </message>
        <message>
            <source>Section</source>
            <translation>القسم</translation>
        </message>
        <message>
            <source>Sections of the public version</source>
            <translation>أقسام النسخة العامة</translation>
        </message>
        <message>
            <source>Sections of the public version (drafts generated by caseapp are marked)</source>
            <translation>أقسام النسخة العامة (المسودات التي أنشأها caseapp مُعلَّمة)</translation>
        </message>
        <message>
            <source>Sections to include</source>
            <translation>الأقسام المُدرجة</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>The key annex holds the real names behind the pseudonyms of every protected person. Each name it reveals is recorded in the custody log. Keep it apart from the public version and never send it with it.</source>
            <translation>يحوي ملحق الهويات الأسماء الحقيقية وراء الأسماء المستعارة لكل شخص محمي. ويُسجَّل كل اسم يكشفه في سجل سلسلة الحيازة. احفظه بمعزل عن النسخة العامة ولا ترسله معها أبدًا.</translation>
        </message>
        <message>
            <source>Versions</source>
            <translation>النسخ</translation>
        </message>
        <message>
            <source>draft</source>
            <translation>مسودة</translation>
        </message>
    </context>
    <context>
        <name>DossierInputsView</name>
        <message>
            <source>Alleged perpetrators</source>
            <translation>الجناة المزعومون</translation>
        </message>
        <message>
            <source>Complementarity</source>
            <translation>التكامل</translation>
        </message>
        <message>
            <source>Conclusion and request</source>
            <translation>الخلاصة والطلب</translation>
        </message>
        <message>
            <source>Contextual elements</source>
            <translation>الأركان السياقية</translation>
        </message>
        <message>
            <source>Cover and jurisdiction</source>
            <translation>الغلاف والاختصاص</translation>
        </message>
        <message>
            <source>Dossier texts</source>
            <translation>نصوص البلاغ</translation>
        </message>
        <message>
            <source>Executive summary</source>
            <translation>الملخص التنفيذي</translation>
        </message>
        <message>
            <source>Factual background</source>
            <translation>الخلفية الوقائعية</translation>
        </message>
        <message>
            <source>Gravity</source>
            <translation>الخطورة</translation>
        </message>
        <message>
            <source>Interests of justice</source>
            <translation>مصلحة العدالة</translation>
        </message>
        <message>
            <source>Introduction</source>
            <translation>المقدمة</translation>
        </message>
        <message>
            <source>Jurisdiction</source>
            <translation>الاختصاص</translation>
        </message>
        <message>
            <source>Narrative sections</source>
            <translation>الأقسام السردية</translation>
        </message>
        <message>
            <source>Nationalities of the suspects (ISO codes)</source>
            <translation>جنسيات المشتبه بهم (رموز ISO)</translation>
        </message>
        <message>
            <source>Not written: the dossier prints a draft generated by caseapp here, marked as a draft.</source>
            <translation>غير مكتوب: يطبع البلاغ هنا مسودة أنشأها caseapp، مُعلَّمة بأنها مسودة.</translation>
        </message>
        <message>
            <source>Nothing was changed.</source>
            <translation>لم يُغيَّر شيء.</translation>
        </message>
        <message>
            <source>Optional; kept in the custody log</source>
            <translation>اختياري؛ يُحفظ في سجل سلسلة الحيازة</translation>
        </message>
        <message>
            <source>Other territories of an element (ISO codes)</source>
            <translation>أقاليم أخرى لأحد الأركان (رموز ISO)</translation>
        </message>
        <message>
            <source>Protection of witnesses and methodology</source>
            <translation>حماية الشهود والمنهجية</translation>
        </message>
        <message>
            <source>Reason for the change</source>
            <translation>سبب التعديل</translation>
        </message>
        <message>
            <source>Save the section</source>
            <translation>حفظ القسم</translation>
        </message>
        <message>
            <source>Save these facts</source>
            <translation>حفظ هذه البيانات</translation>
        </message>
        <message>
            <source>Secure contact</source>
            <translation>وسيلة اتصال آمنة</translation>
        </message>
        <message>
            <source>Sender (one line each)</source>
            <translation>المرسل (سطر لكل بند)</translation>
        </message>
        <message>
            <source>Short title (page headers)</source>
            <translation>العنوان المختصر (ترويسة الصفحات)</translation>
        </message>
        <message>
            <source>Situation</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Situation number (only if the Office gave one)</source>
            <translation>رقم الحالة (فقط إن أعطاه المكتب)</translation>
        </message>
        <message>
            <source>Territory (ISO code, e.g. SY)</source>
            <translation>الإقليم (رمز ISO، مثلًا SY)</translation>
        </message>
        <message>
            <source>The section's text</source>
            <translation>نص القسم</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <source>Undertake to provide further information</source>
            <translation>التعهد بتقديم معلومات إضافية</translation>
        </message>
        <message>
            <source>Use the generated draft</source>
            <translation>استخدام المسودة المُنشأة</translation>
        </message>
        <message>
            <source>Victim State, for aggression (ISO code)</source>
            <translation>الدولة الضحية، في جريمة العدوان (رمز ISO)</translation>
        </message>
        <message>
            <source>Write it to replace the draft; a blank line starts a paragraph.</source>
            <translation>اكتبه ليحل محل المسودة؛ السطر الفارغ يبدأ فقرة جديدة.</translation>
        </message>
        <message>
            <source>Written by {author}, {when}.</source>
            <translation>كتبه {author}، {when}.</translation>
        </message>
        <message>
            <source>generated draft</source>
            <translation>مسودة مُنشأة</translation>
        </message>
        <message>
            <source>written</source>
            <translation>مكتوب</translation>
        </message>
    </context>
    <context>
        <name>Excerpts</name>
        <message>
            <source>, </source>
            <translation>، </translation>
        </message>
        <message>
            <source>Clear the region</source>
            <translation>مسح المنطقة</translation>
        </message>
        <message>
            <source>Drag the excerpt onto an element of the legal catalogue to link it</source>
            <translation>اسحب المقتطف إلى عنصر في الفهرس القانوني لربطه به</translation>
        </message>
        <message>
            <source>Link excerpt to element…</source>
            <translation>ربط المقتطف بعنصر…</translation>
        </message>
        <message>
            <source>Link the excerpt to an element…</source>
            <translation>ربط المقتطف بعنصر…</translation>
        </message>
        <message>
            <source>Passage from</source>
            <translation>المقطع من</translation>
        </message>
        <message>
            <source>Region ({units}):</source>
            <translation>المنطقة ({units}):</translation>
        </message>
        <message>
            <source>Region {part}</source>
            <translation>المنطقة: {part}</translation>
        </message>
        <message>
            <source>characters {start}-{end}</source>
            <translation>المحارف {start}-{end}</translation>
        </message>
        <message>
            <source>e.g. 0:42 or 1:02:03</source>
            <translation>مثلاً 0:42 أو 1:02:03</translation>
        </message>
        <message>
            <source>from {start} to {end}</source>
            <translation>من {start} إلى {end}</translation>
        </message>
        <message>
            <source>height</source>
            <translation>الارتفاع</translation>
        </message>
        <message>
            <source>page {n}</source>
            <translation>الصفحة {n}</translation>
        </message>
        <message>
            <source>region {x},{y},{width},{height}</source>
            <translation>المنطقة {x},{y},{width},{height}</translation>
        </message>
        <message>
            <source>to</source>
            <translation>إلى</translation>
        </message>
        <message>
            <source>width</source>
            <translation>العرض</translation>
        </message>
        <message>
            <source>x</source>
            <translation>x</translation>
        </message>
        <message>
            <source>y</source>
            <translation>y</translation>
        </message>
        <message>
            <source>⠿ Drag onto an element</source>
            <translation>⠿ اسحب إلى عنصر</translation>
        </message>
    </context>
    <context>
        <name>ExhibitKind</name>
        <message>
            <source>audio</source>
            <translation>تسجيل صوتي</translation>
        </message>
        <message>
            <source>document</source>
            <translation>مستند</translation>
        </message>
        <message>
            <source>image</source>
            <translation>صورة</translation>
        </message>
        <message>
            <source>other</source>
            <translation>أخرى</translation>
        </message>
        <message>
            <source>physical</source>
            <translation>مادي</translation>
        </message>
        <message>
            <source>testimony</source>
            <translation>شهادة</translation>
        </message>
        <message>
            <source>video</source>
            <translation>فيديو</translation>
        </message>
    </context>
    <context>
        <name>ExportActions</name>
        <message>
            <source>Dossier texts…</source>
            <translation>نصوص البلاغ…</translation>
        </message>
        <message>
            <source>Export dossier…</source>
            <translation>تصدير البلاغ…</translation>
        </message>
        <message>
            <source>Export evidence bundle…</source>
            <translation>تصدير حزمة الأدلة…</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>A new or empty folder</source>
            <translation>مجلد جديد أو فارغ</translation>
        </message>
        <message>
            <source>Cancel the export</source>
            <translation>إلغاء التصدير</translation>
        </message>
        <message>
            <source>Cancelled. Nothing was exported and nothing was left in the folder.</source>
            <translation>أُلغي. لم يُصدَّر شيء ولم يبقَ شيء في المجلد.</translation>
        </message>
        <message>
            <source>Cancelling: the file being written is finished, then everything is removed…</source>
            <translation>جارٍ الإلغاء: يُستكمل الملف الجاري كتابته، ثم يُحذف كل شيء…</translation>
        </message>
        <message>
            <source>Choose a folder for the export: a new folder, or an empty one.</source>
            <translation>اختر مجلدًا للتصدير: مجلدًا جديدًا أو فارغًا.</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>اختيار…</translation>
        </message>
        <message>
            <source>Custody log entry {seq} ({action}), {at}, by {actor}:</source>
            <translation>القيد {seq} في سجل سلسلة الحيازة ({action})، {at}، بواسطة {actor}:</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>تصدير</translation>
        </message>
        <message>
            <source>Export into a new or empty folder</source>
            <translation>التصدير إلى مجلد جديد أو فارغ</translation>
        </message>
        <message>
            <source>Exported to {folder}</source>
            <translation>صُدِّر إلى {folder}</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>جارٍ التصدير…</translation>
        </message>
        <message>
            <source>Folder (new or empty)</source>
            <translation>المجلد (جديد أو فارغ)</translation>
        </message>
        <message>
            <source>Open the folder</source>
            <translation>فتح المجلد</translation>
        </message>
        <message>
            <source>Output folder</source>
            <translation>مجلد الإخراج</translation>
        </message>
        <message>
            <source>The case is open for reading only: this export could not be recorded in the custody log.</source>
            <translation>القضية مفتوحة للقراءة فقط: تعذّر تسجيل هذا التصدير في سجل سلسلة الحيازة.</translation>
        </message>
        <message>
            <source>What the custody log recorded</source>
            <translation>ما سجّله سجل سلسلة الحيازة</translation>
        </message>
    </context>
    <context>
        <name>GapStatus</name>
        <message>
            <source>contested</source>
            <translation>مُعترَض عليه</translation>
        </message>
        <message>
            <source>corroborated</source>
            <translation>مُعزَّز</translation>
        </message>
        <message>
            <source>unaddressed</source>
            <translation>غير مُعالَج</translation>
        </message>
        <message>
            <source>weak</source>
            <translation>ضعيف</translation>
        </message>
    </context>
    <context>
        <name>GapsView</name>
        <message>
            <source>(context)</source>
            <translation>(سياق)</translation>
        </message>
        <message>
            <source>; </source>
            <translation>؛ </translation>
        </message>
        <message>
            <source>Awaiting review</source>
            <translation>بانتظار المراجعة</translation>
        </message>
        <message>
            <source>Best grade</source>
            <translation>أفضل تقدير</translation>
        </message>
        <message>
            <source>Charge / element</source>
            <translation>التهمة / الركن</translation>
        </message>
        <message>
            <source>Choose an element to see the exhibits linked to it.</source>
            <translation>اختر ركنًا لعرض قطع الإثبات المرتبطة به.</translation>
        </message>
        <message>
            <source>Contradicted by</source>
            <translation>يناقضه</translation>
        </message>
        <message>
            <source>Exhibits linked to the chosen element</source>
            <translation>قطع الإثبات المرتبطة بالركن المختار</translation>
        </message>
        <message>
            <source>Exhibits linked to {id}</source>
            <translation>قطع الإثبات المرتبطة بـ {id}</translation>
        </message>
        <message>
            <source>Gap matrix</source>
            <translation>مصفوفة الثغرات</translation>
        </message>
        <message>
            <source>Independent sources: exhibits that share a source count once</source>
            <translation>المصادر المستقلة: قطع الإثبات التي تشترك في مصدر واحد تُحسب مرة واحدة</translation>
        </message>
        <message>
            <source>No charge yet: add one under Charges to see what each element needs.</source>
            <translation>لا توجد تهمة بعد: أضف تهمة في صفحة التهم لترى ما يحتاجه كل ركن.</translation>
        </message>
        <message>
            <source>No exhibit is linked to it yet.</source>
            <translation>لم تُربط به أي قطعة إثبات بعد.</translation>
        </message>
        <message>
            <source>Only unaddressed elements</source>
            <translation>الأركان غير المعالجة فقط</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>المصادر</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>السبب</translation>
        </message>
        <message>
            <source>Why the element has this status</source>
            <translation>سبب حالة هذا الركن</translation>
        </message>
        <message>
            <source>contradicted by {refs}</source>
            <translation>تناقضه {refs}</translation>
        </message>
        <message>
            <source>every link weighs “maybe”</source>
            <translation>وزن كل الروابط «محتمل»</translation>
        </message>
        <message>
            <source>no accepted evidence</source>
            <translation>لا دليل مقبول</translation>
        </message>
        <message>
            <source>one independent source</source>
            <translation>مصدر مستقل واحد فقط</translation>
        </message>
        <message>
            <source>only grades D-F or 4-6 (or ungraded)</source>
            <translation>تقديرات D-F أو 4-6 فقط (أو بلا تقدير)</translation>
        </message>
        <message>
            <source>{charges} charge(s): {unaddressed} unaddressed, {weak} weak, {corroborated} corroborated, {contested} contested</source>
            <translation>عدد التهم {charges}: {unaddressed} غير مُعالَج، {weak} ضعيف، {corroborated} مُعزَّز، {contested} مُعترَض عليه</translation>
        </message>
        <message>
            <source>{n} independent sources</source>
            <translation>{n} مصادر مستقلة</translation>
        </message>
        <message>
            <source>{n}: {refs} …</source>
            <translation>{n}: {refs} …</translation>
        </message>
    </context>
    <context>
        <name>GroundStatus</name>
        <message>
            <source>met</source>
            <translation>متحقق</translation>
        </message>
        <message>
            <source>not met</source>
            <translation>غير متحقق</translation>
        </message>
        <message>
            <source>uncertain</source>
            <translation>غير مؤكد</translation>
        </message>
    </context>
    <context>
        <name>ImportController</name>
        <message>
            <source>An import is already running</source>
            <translation>هناك عملية استيراد جارية بالفعل</translation>
        </message>
        <message>
            <source>Cancel import</source>
            <translation>إلغاء الاستيراد</translation>
        </message>
        <message>
            <source>Cancelling after the current file…</source>
            <translation>سيتم الإلغاء بعد الملف الحالي…</translation>
        </message>
        <message>
            <source>Import finished</source>
            <translation>انتهى الاستيراد</translation>
        </message>
        <message>
            <source>Import stopped</source>
            <translation>توقف الاستيراد</translation>
        </message>
        <message>
            <source>Preparing the import…</source>
            <translation>جارٍ التحضير للاستيراد…</translation>
        </message>
        <message>
            <source>The import was cancelled; every file taken in before stays in the case.</source>
            <translation>أُلغي الاستيراد؛ وكل ملف أُدخل قبل ذلك يبقى في القضية.</translation>
        </message>
        <message>
            <source>{n} duplicate(s) of exhibits already in the case (recorded as another acquisition).</source>
            <translation>{n} نسخة (نسخ) مكررة من قطع إثبات موجودة في القضية (سُجّلت كعملية استلام أخرى).</translation>
        </message>
        <message>
            <source>{n} file(s) taken in.</source>
            <translation>أُدخل {n} ملف (ملفات).</translation>
        </message>
        <message>
            <source>{n} file(s) were already in from an earlier import.</source>
            <translation>{n} ملف (ملفات) كانت موجودة من استيراد سابق.</translation>
        </message>
        <message>
            <source>{n} left out (see the details).</source>
            <translation>استُبعد {n} (انظر التفاصيل).</translation>
        </message>
    </context>
    <context>
        <name>JurisdictionAnswer</name>
        <message>
            <source>Answer:</source>
            <translation>الجواب:</translation>
        </message>
        <message>
            <source>Answer: it changes inside the range</source>
            <translation>الجواب: يتغيّر خلال الفترة</translation>
        </message>
        <message>
            <source>Caveats</source>
            <translation>تحفّظات</translation>
        </message>
        <message>
            <source>Conditions (all must hold)</source>
            <translation>الشروط (يجب أن تتحقق جميعها)</translation>
        </message>
        <message>
            <source>Country: UNCERTAIN, {where}: it may be {codes}</source>
            <translation>البلد: غير مؤكد، {where}: قد يكون {codes}</translation>
        </message>
        <message>
            <source>Country: {codes} (chosen in the form)</source>
            <translation>البلد: {codes} (مختار في النموذج)</translation>
        </message>
        <message>
            <source>Country: {codes}, {where}</source>
            <translation>البلد: {codes}، {where}</translation>
        </message>
        <message>
            <source>Crime</source>
            <translation>الجريمة</translation>
        </message>
        <message>
            <source>Data as of {date}.</source>
            <translation>البيانات محدّثة حتى {date}.</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>Element on the territory of</source>
            <translation>عنصر على إقليم</translation>
        </message>
        <message>
            <source>From {start} to {end}:</source>
            <translation>من {start} إلى {end}:</translation>
        </message>
        <message>
            <source>Grounds (any one suffices)</source>
            <translation>الأسس (يكفي أحدها)</translation>
        </message>
        <message>
            <source>Incident</source>
            <translation>الحادثة</translation>
        </message>
        <message>
            <source>Nationality of the accused</source>
            <translation>جنسية المتهم</translation>
        </message>
        <message>
            <source>On the territory of {name}</source>
            <translation>على إقليم {name}</translation>
        </message>
        <message>
            <source>On {day} the answer changes from {before} to {after}, because:</source>
            <translation>في {day} يتغيّر الجواب من «{before}» إلى «{after}»، لأن:</translation>
        </message>
        <message>
            <source>On {day} the answer stays {verdict} but its grounds change:</source>
            <translation>في {day} يبقى الجواب «{verdict}» لكن أسسه تتغيّر:</translation>
        </message>
        <message>
            <source>Range: {span} (time precision {precision}, zone {zone})</source>
            <translation>الفترة: {span} (دقة الوقت {precision}، المنطقة الزمنية {zone})</translation>
        </message>
        <message>
            <source>Sources:</source>
            <translation>المصادر:</translation>
        </message>
        <message>
            <source>Territory</source>
            <translation>الإقليم</translation>
        </message>
        <message>
            <source>The answer changes inside the range on {days}.</source>
            <translation>يتغيّر الجواب خلال الفترة في {days}.</translation>
        </message>
        <message>
            <source>The answer depends on which country it is: choose the territory in the form.</source>
            <translation>يتوقف الجواب على البلد: اختر الإقليم في النموذج.</translation>
        </message>
        <message>
            <source>The answer does not change inside the range.</source>
            <translation>لا يتغيّر الجواب خلال الفترة.</translation>
        </message>
        <message>
            <source>The answer is the same whichever of these countries it is.</source>
            <translation>الجواب نفسه أيًّا كان البلد من بين هذه البلدان.</translation>
        </message>
        <message>
            <source>Victim State</source>
            <translation>الدولة الضحية</translation>
        </message>
        <message>
            <source>from its coordinates {lat}, {lon} (precision {precision}, {radius})</source>
            <translation>من إحداثياتها {lat}، {lon} (الدقة {precision}، {radius})</translation>
        </message>
        <message>
            <source>none given (the preconditions only)</source>
            <translation>لم تُحدَّد (الشروط المسبقة فقط)</translation>
        </message>
        <message>
            <source>{before} → {after}</source>
            <translation>{before} ثم {after}</translation>
        </message>
    </context>
    <context>
        <name>JurisdictionView</name>
        <message>
            <source>(from the incident's coordinates)</source>
            <translation>(من إحداثيات الحادثة)</translation>
        </message>
        <message>
            <source>(no crime: the preconditions only)</source>
            <translation>(بلا جريمة: الشروط المسبقة فقط)</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(لا شيء)</translation>
        </message>
        <message>
            <source>Answer of the jurisdiction assistant</source>
            <translation>جواب مساعد الاختصاص</translation>
        </message>
        <message>
            <source>Ask without the incident</source>
            <translation>السؤال دون الحادثة</translation>
        </message>
        <message>
            <source>Asked for {ref} {title}: the dates are its time range, and its country is {how}.</source>
            <translation>السؤال عن {ref} {title}: التواريخ هي فترتها الزمنية، وبلدها {how}.</translation>
        </message>
        <message>
            <source>Assess jurisdiction</source>
            <translation>تقييم الاختصاص</translation>
        </message>
        <message>
            <source>Crime</source>
            <translation>الجريمة</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>Date, or range of dates</source>
            <translation>التاريخ، أو فترة من التواريخ</translation>
        </message>
        <message>
            <source>Element on the territory of</source>
            <translation>عنصر على إقليم</translation>
        </message>
        <message>
            <source>Enter the date of the conduct (YYYY-MM-DD), or a range of dates.</source>
            <translation>أدخل تاريخ السلوك (YYYY-MM-DD)، أو فترة من التواريخ.</translation>
        </message>
        <message>
            <source>Find a crime</source>
            <translation>البحث عن جريمة</translation>
        </message>
        <message>
            <source>Find a crime: words in English, French or Arabic (Enter)</source>
            <translation>البحث عن جريمة: كلمات بالإنجليزية أو الفرنسية أو العربية (Enter)</translation>
        </message>
        <message>
            <source>Last day of the range</source>
            <translation>آخر يوم في الفترة</translation>
        </message>
        <message>
            <source>Nationality of the accused</source>
            <translation>جنسية المتهم</translation>
        </message>
        <message>
            <source>No crime matches these words.</source>
            <translation>لا توجد جريمة تطابق هذه الكلمات.</translation>
        </message>
        <message>
            <source>Referral: nothing to choose. A Security Council referral the data holds (Darfur, Libya) is found from the place and date; a State referral and the Prosecutor's own initiative need the same link of territory or nationality (Art 12(2)), so they give the same answer.</source>
            <translation>الإحالة: لا شيء للاختيار. تُستنتج إحالة مجلس الأمن الواردة في البيانات (دارفور، ليبيا) من المكان والتاريخ؛ أما إحالة دولة ومبادرة المدعي العام من تلقاء نفسه فتتطلبان الصلة نفسها بالإقليم أو الجنسية (المادة 12(2))، فتعطيان الجواب نفسه.</translation>
        </message>
        <message>
            <source>Territory</source>
            <translation>الإقليم</translation>
        </message>
        <message>
            <source>Territory (State where the conduct occurred)</source>
            <translation>الإقليم (الدولة التي وقع فيها السلوك)</translation>
        </message>
        <message>
            <source>The answer appears here: within, outside or depends, with its grounds, caveats and sources.</source>
            <translation>يظهر الجواب هنا: ضمن الاختصاص أو خارجه أو يتوقف، مع أسسه وتحفّظاته ومصادره.</translation>
        </message>
        <message>
            <source>The assistant's explanations are in English, like the texts of the catalogue.</source>
            <translation>شروح المساعد بالإنجليزية، مثل نصوص الفهرس.</translation>
        </message>
        <message>
            <source>Victim State</source>
            <translation>الدولة الضحية</translation>
        </message>
        <message>
            <source>Victim State (aggression only)</source>
            <translation>الدولة الضحية (العدوان فقط)</translation>
        </message>
        <message>
            <source>Where an element of the crime took place, such as the border crossed in a deportation.</source>
            <translation>حيث وقع أحد عناصر الجريمة، مثل الحدود التي عُبرت في الإبعاد.</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>YYYY-MM-DD</translation>
        </message>
        <message>
            <source>found from its coordinates, unless you choose a territory</source>
            <translation>مستنتج من إحداثياتها، ما لم تختر إقليمًا</translation>
        </message>
        <message>
            <source>not known (it has no coordinates): choose the territory</source>
            <translation>غير معروف (لا إحداثيات لها): اختر الإقليم</translation>
        </message>
        <message>
            <source>optional, country codes separated by commas, e.g. BD</source>
            <translation>اختياري، رموز البلدان مفصولة بفواصل، مثل BD</translation>
        </message>
        <message>
            <source>optional: the last day of a range, YYYY-MM-DD</source>
            <translation>اختياري: آخر يوم في الفترة، YYYY-MM-DD</translation>
        </message>
        <message>
            <source>the one its record names ({code})</source>
            <translation>المذكور في سجلها ({code})</translation>
        </message>
        <message>
            <source>until</source>
            <translation>حتى</translation>
        </message>
        <message>
            <source>{ref} has no coordinates, so its country cannot be found: choose the territory above, or add its coordinates (Edit… on the Incidents page).</source>
            <translation>لا إحداثيات لـ{ref}، لذا لا يمكن تحديد بلدها: اختر الإقليم أعلاه، أو أضف إحداثياتها (تعديل… في صفحة الحوادث).</translation>
        </message>
        <message>
            <source>{ref} has no time, so there is no date to check: add it (Edit… on the Incidents page), or ask without the incident.</source>
            <translation>لا وقت لـ{ref}، فلا تاريخ للتحقق منه: أضفه (تعديل… في صفحة الحوادث)، أو اسأل دون الحادثة.</translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <source>Interface language</source>
            <translation>لغة الواجهة</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>اللغة</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>اللغة:</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>لغة النظام</translation>
        </message>
        <message>
            <source>The new language is used from the next start of caseapp.</source>
            <translation>ستُستخدم اللغة الجديدة عند التشغيل القادم لـ caseapp.</translation>
        </message>
    </context>
    <context>
        <name>LegalPages</name>
        <message>
            <source>Charges</source>
            <translation>التهم</translation>
        </message>
        <message>
            <source>Elements</source>
            <translation>الأركان</translation>
        </message>
        <message>
            <source>Gaps</source>
            <translation>الثغرات</translation>
        </message>
        <message>
            <source>Jurisdiction</source>
            <translation>الاختصاص</translation>
        </message>
        <message>
            <source>Legal elements of {ref}:</source>
            <translation>الأركان القانونية لـ {ref}:</translation>
        </message>
        <message>
            <source>Link the excerpt to an element…</source>
            <translation>ربط المقتطف بعنصر…</translation>
        </message>
        <message>
            <source>Link the selected exhibits to an element…</source>
            <translation>ربط قطع الإثبات المحددة بركن…</translation>
        </message>
        <message>
            <source>Link {excerpt} of {ref} to an element</source>
            <translation>ربط {excerpt} من {ref} بعنصر</translation>
        </message>
        <message>
            <source>Mark an excerpt first: draw a region on the preview, type a passage's start and end, or select words in the extracted text.</source>
            <translation>حدّد مقتطفاً أولاً: ارسم منطقة على المعاينة، أو اكتب بداية المقطع ونهايته، أو حدّد كلمات في النص المستخرج.</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>المراجعة</translation>
        </message>
        <message>
            <source>Select an incident first (Incidents page).</source>
            <translation>اختر حادثة أولًا (صفحة الحوادث).</translation>
        </message>
        <message>
            <source>Select one or more exhibits first (Exhibits page), then link them.</source>
            <translation>حدّد أولًا قطعة إثبات أو أكثر (صفحة قطع الإثبات)، ثم اربطها.</translation>
        </message>
        <message>
            <source>{ref} is not linked to any legal element yet (Ctrl+K).</source>
            <translation>لم يُربط {ref} بأي ركن قانوني بعد (Ctrl+K).</translation>
        </message>
    </context>
    <context>
        <name>LinkDialog</name>
        <message>
            <source>Element</source>
            <translation>الركن</translation>
        </message>
        <message>
            <source>Excerpt</source>
            <translation>المقتطف</translation>
        </message>
        <message>
            <source>Exhibits</source>
            <translation>قطع الإثبات</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>ربط</translation>
        </message>
        <message>
            <source>Link the selected exhibits to an element</source>
            <translation>ربط قطع الإثبات المحددة بركن</translation>
        </message>
        <message>
            <source>Link to {id}</source>
            <translation>ربط بـ {id}</translation>
        </message>
        <message>
            <source>Observed or alleged</source>
            <translation>مُشاهَد أو مُدَّعى</translation>
        </message>
        <message>
            <source>Quoted words</source>
            <translation>الكلمات المقتبسة</translation>
        </message>
        <message>
            <source>Reasoning</source>
            <translation>التعليل</translation>
        </message>
        <message>
            <source>Stance</source>
            <translation>الموقف</translation>
        </message>
        <message>
            <source>Type an id or words of the element, e.g. 8(2)(e)(iv)-1 or hospital</source>
            <translation>اكتب معرّف الركن أو كلمات منه، مثل 8(2)(e)(iv)-1 أو hospital</translation>
        </message>
        <message>
            <source>Weight</source>
            <translation>الوزن</translation>
        </message>
        <message>
            <source>Why does this exhibit bear on this element? (required)</source>
            <translation>لماذا تتعلق قطعة الإثبات هذه بهذا الركن؟ (مطلوب)</translation>
        </message>
        <message>
            <source>{exhibit} linked to {id} ({link}), awaiting review</source>
            <translation>رُبط {exhibit} بـ {id} ({link})، بانتظار المراجعة</translation>
        </message>
    </context>
    <context>
        <name>LinkStance</name>
        <message>
            <source>context</source>
            <translation>سياق</translation>
        </message>
        <message>
            <source>contradicts</source>
            <translation>يناقض</translation>
        </message>
        <message>
            <source>supports</source>
            <translation>يدعم</translation>
        </message>
    </context>
    <context>
        <name>MainMenus</name>
        <message>
            <source>&amp;Case</source>
            <translation>&amp;القضية</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;تحرير</translation>
        </message>
        <message>
            <source>&amp;Records</source>
            <translation>ال&amp;سجلات</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;عرض</translation>
        </message>
        <message>
            <source>Actual size (100 %)</source>
            <translation>الحجم الفعلي (100٪)</translation>
        </message>
        <message>
            <source>Add a note to the selected record…</source>
            <translation>إضافة ملاحظة إلى السجل المحدد…</translation>
        </message>
        <message>
            <source>Add a person…</source>
            <translation>إضافة شخص…</translation>
        </message>
        <message>
            <source>Add a source…</source>
            <translation>إضافة مصدر…</translation>
        </message>
        <message>
            <source>Add a tag to the selected record…</source>
            <translation>إضافة وسم إلى السجل المحدد…</translation>
        </message>
        <message>
            <source>Add an incident…</source>
            <translation>إضافة حادثة…</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>التفاصيل</translation>
        </message>
        <message>
            <source>Edit the selected exhibit…</source>
            <translation>تعديل قطعة الإثبات المحددة…</translation>
        </message>
        <message>
            <source>Export the original…</source>
            <translation>تصدير الملف الأصلي…</translation>
        </message>
        <message>
            <source>Extracted text</source>
            <translation>النص المستخرج</translation>
        </message>
        <message>
            <source>Fit to the panel</source>
            <translation>ملاءمة اللوحة</translation>
        </message>
        <message>
            <source>Import a folder…</source>
            <translation>استيراد مجلد…</translation>
        </message>
        <message>
            <source>Import files…</source>
            <translation>استيراد ملفات…</translation>
        </message>
        <message>
            <source>Link the selected exhibits to a person or incident…</source>
            <translation>ربط قطع الإثبات المحددة بشخص أو حادثة…</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>قفل</translation>
        </message>
        <message>
            <source>Lock after idle</source>
            <translation>القفل بعد الخمول</translation>
        </message>
        <message>
            <source>Lock after idle…</source>
            <translation>القفل بعد الخمول…</translation>
        </message>
        <message>
            <source>Lock the case after this many minutes without keyboard or mouse use (0: never):</source>
            <translation>قفل القضية بعد هذا العدد من الدقائق دون استخدام لوحة المفاتيح أو الفأرة (0: أبدًا):</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>الصفحة التالية</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>المعاينة</translation>
        </message>
        <message>
            <source>Previous page</source>
            <translation>الصفحة السابقة</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>إعادة</translation>
        </message>
        <message>
            <source>Remove a tag from the selected record…</source>
            <translation>إزالة وسم من السجل المحدد…</translation>
        </message>
        <message>
            <source>Search exhibits</source>
            <translation>البحث في قطع الإثبات</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>تراجع</translation>
        </message>
        <message>
            <source>Verify</source>
            <translation>تحقق</translation>
        </message>
        <message>
            <source>Verify every file (slow)</source>
            <translation>التحقق من كل ملف (بطيء)</translation>
        </message>
        <message>
            <source>Zoom and pages</source>
            <translation>التكبير والصفحات</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>تكبير</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>تصغير</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Custody log</source>
            <translation>سجل سلسلة الحيازة</translation>
        </message>
        <message>
            <source>Delete {ref}</source>
            <translation>حذف {ref}</translation>
        </message>
        <message>
            <source>Exhibits</source>
            <translation>قطع الإثبات</translation>
        </message>
        <message>
            <source>Import a folder</source>
            <translation>استيراد مجلد</translation>
        </message>
        <message>
            <source>Import files</source>
            <translation>استيراد ملفات</translation>
        </message>
        <message>
            <source>Incidents</source>
            <translation>الحوادث</translation>
        </message>
        <message>
            <source>Navigator</source>
            <translation>التنقل</translation>
        </message>
        <message>
            <source>People</source>
            <translation>الأشخاص</translation>
        </message>
        <message>
            <source>Select one exhibit first.</source>
            <translation>حدّد قطعة إثبات واحدة أولًا.</translation>
        </message>
        <message>
            <source>Select one or more exhibits first.</source>
            <translation>حدّد قطعة إثبات واحدة أو أكثر أولًا.</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>المصادر</translation>
        </message>
        <message>
            <source>Why is {ref} deleted? The reason is kept in the custody log; it can be restored.</source>
            <translation>لماذا يُحذف {ref}؟ يُحفظ السبب في سجل سلسلة الحيازة، ويمكن استعادته.</translation>
        </message>
        <message>
            <source>caseapp</source>
            <translation>caseapp</translation>
        </message>
        <message>
            <source>change to {ref}</source>
            <translation>تعديل {ref}</translation>
        </message>
        <message>
            <source>{title} — caseapp</source>
            <translation>{title} — caseapp</translation>
        </message>
    </context>
    <context>
        <name>MapCanvas</name>
        <message>
            <source>Map</source>
            <translation>الخريطة</translation>
        </message>
        <message>
            <source>Outlines: Natural Earth</source>
            <translation>الحدود: Natural Earth</translation>
        </message>
        <message>
            <source>Too many places on screen to draw how precisely each is known: zoom in to see the circles</source>
            <translation>أماكن كثيرة جدًا على الشاشة لرسم دقة كل منها: كبّر لرؤية الدوائر</translation>
        </message>
        <message>
            <source>and {n} more</source>
            <translation>و{n} غيرها</translation>
        </message>
        <message>
            <source>place known to the region</source>
            <translation>المكان معروف على مستوى المنطقة</translation>
        </message>
        <message>
            <source>place known to ±1 km</source>
            <translation>المكان معروف بدقة ±1 كم</translation>
        </message>
        <message>
            <source>place known to ±10 m</source>
            <translation>المكان معروف بدقة ±10 م</translation>
        </message>
        <message>
            <source>place known to ±100 m</source>
            <translation>المكان معروف بدقة ±100 م</translation>
        </message>
        <message>
            <source>precision of the place not known</source>
            <translation>دقة المكان غير معروفة</translation>
        </message>
        <message>
            <source>{n} km</source>
            <translation>{n} كم</translation>
        </message>
        <message>
            <source>{n} m</source>
            <translation>{n} م</translation>
        </message>
        <message>
            <source>{outlines}; tiles: {credit}</source>
            <translation>{outlines}؛ البلاطات: {credit}</translation>
        </message>
    </context>
    <context>
        <name>MapSuggestions</name>
        <message>
            <source>Adds an incident with this place and time and links these exhibits to it (Undo takes it back)</source>
            <translation>يضيف حادثة بهذا المكان والزمان ويربط بها هذه الأدلة (التراجع يلغي ذلك)</translation>
        </message>
        <message>
            <source>Confirm as an incident</source>
            <translation>تأكيد كحادثة</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>تجاهل</translation>
        </message>
        <message>
            <source>Exhibits taken close together in place and time (within {distance} and {hours} hours) that no incident holds yet.</source>
            <translation>أدلة التُقطت متقاربة في المكان والزمان (ضمن {distance} و{hours} ساعات) ولا تضمها أي حادثة بعد.</translation>
        </message>
        <message>
            <source>Hides this suggestion; it stays hidden while its exhibits stay the same</source>
            <translation>يخفي هذا الاقتراح؛ ويبقى مخفيًا ما دامت أدلته نفسها</translation>
        </message>
        <message>
            <source>Suggested incidents</source>
            <translation>حوادث مقترحة</translation>
        </message>
        <message>
            <source>Title of the incident</source>
            <translation>عنوان الحادثة</translation>
        </message>
        <message>
            <source>Title of the incident (optional)</source>
            <translation>عنوان الحادثة (اختياري)</translation>
        </message>
        <message>
            <source>audio recordings</source>
            <translation>تسجيلات صوتية</translation>
        </message>
        <message>
            <source>documents</source>
            <translation>مستندات</translation>
        </message>
        <message>
            <source>from {start} to {end}</source>
            <translation>من {start} إلى {end}</translation>
        </message>
        <message>
            <source>other exhibits</source>
            <translation>أدلة أخرى</translation>
        </message>
        <message>
            <source>photos</source>
            <translation>صور</translation>
        </message>
        <message>
            <source>physical items</source>
            <translation>أدلة مادية</translation>
        </message>
        <message>
            <source>testimonies</source>
            <translation>شهادات</translation>
        </message>
        <message>
            <source>videos</source>
            <translation>مقاطع فيديو</translation>
        </message>
        <message>
            <source>{n} exhibits within {distance}: {kinds}</source>
            <translation>{n} أدلة ضمن {distance}: {kinds}</translation>
        </message>
    </context>
    <context>
        <name>MapView</name>
        <message>
            <source>Choose an offline tile package</source>
            <translation>اختر حزمة بلاطات خرائط غير متصلة</translation>
        </message>
        <message>
            <source>Exhibit</source>
            <translation>قطعة إثبات</translation>
        </message>
        <message>
            <source>Fit the markers</source>
            <translation>عرض كل العلامات</translation>
        </message>
        <message>
            <source>How precisely each place is known: ±10 m, ±100 m, ±1 km, or a region (±10 km)</source>
            <translation>مدى دقة معرفة كل مكان: ±10 م، ±100 م، ±1 كم، أو منطقة (±10 كم)</translation>
        </message>
        <message>
            <source>Incident</source>
            <translation>حادثة</translation>
        </message>
        <message>
            <source>MBTiles tile packages (*.mbtiles);;All files (*)</source>
            <translation>حزم بلاطات MBTiles (*.mbtiles);;كل الملفات (*)</translation>
        </message>
        <message>
            <source>No street tiles</source>
            <translation>بدون بلاطات الشوارع</translation>
        </message>
        <message>
            <source>Show every marker (Home)</source>
            <translation>عرض كل العلامات (Home)</translation>
        </message>
        <message>
            <source>Show street detail from an offline tile package of your own (.mbtiles)</source>
            <translation>اعرض تفاصيل الشوارع من حزمة بلاطات غير متصلة خاصة بك (.mbtiles)</translation>
        </message>
        <message>
            <source>Show the country outlines only</source>
            <translation>اعرض حدود البلدان فقط</translation>
        </message>
        <message>
            <source>Show the whole world</source>
            <translation>عرض العالم كله</translation>
        </message>
        <message>
            <source>Street tiles not shown: {reason}</source>
            <translation>بلاطات الشوارع غير معروضة: {reason}</translation>
        </message>
        <message>
            <source>Street tiles: {name} (zoom levels {low} to {high})</source>
            <translation>بلاطات الشوارع: {name} (مستويات التكبير من {low} إلى {high})</translation>
        </message>
        <message>
            <source>Street tiles…</source>
            <translation>بلاطات الشوارع…</translation>
        </message>
        <message>
            <source>Whole world</source>
            <translation>العالم كله</translation>
        </message>
        <message>
            <source>Zoom in (+, or the mouse wheel)</source>
            <translation>تكبير (+، أو عجلة الفأرة)</translation>
        </message>
        <message>
            <source>Zoom out (-)</source>
            <translation>تصغير (-)</translation>
        </message>
        <message>
            <source>circle: where the place may be</source>
            <translation>الدائرة: حيث قد يكون المكان</translation>
        </message>
        <message>
            <source>{shown} on the map, {without} without a place</source>
            <translation>{shown} على الخريطة، {without} بلا مكان</translation>
        </message>
    </context>
    <context>
        <name>Pages</name>
        <message>
            <source>(hidden)</source>
            <translation>(مخفي)</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>إضافة…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>حذف…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>تعديل…</translation>
        </message>
        <message>
            <source>Jurisdiction…</source>
            <translation>الاختصاص…</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>استعادة</translation>
        </message>
        <message>
            <source>Reveal identity</source>
            <translation>كشف الهوية</translation>
        </message>
        <message>
            <source>Search exhibits</source>
            <translation>البحث في قطع الإثبات</translation>
        </message>
        <message>
            <source>Search titles, descriptions and extracted text (Enter)</source>
            <translation>البحث في العناوين والأوصاف والنصوص المستخرجة (Enter)</translation>
        </message>
        <message>
            <source>Show deleted</source>
            <translation>إظهار المحذوف</translation>
        </message>
        <message>
            <source>deleted</source>
            <translation>محذوف</translation>
        </message>
        <message>
            <source>{n} exhibit(s)</source>
            <translation>{n} قطعة إثبات</translation>
        </message>
    </context>
    <context>
        <name>PassphrasePair</name>
        <message>
            <source>Acceptable. A few more words would make it much stronger.</source>
            <translation>مقبولة. بضع كلمات إضافية ستجعلها أقوى بكثير.</translation>
        </message>
        <message>
            <source>New passphrase</source>
            <translation>عبارة مرور جديدة</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>عبارة المرور</translation>
        </message>
        <message>
            <source>Repeat it</source>
            <translation>أعد كتابتها</translation>
        </message>
        <message>
            <source>Repeat the passphrase</source>
            <translation>أعد كتابة عبارة المرور</translation>
        </message>
        <message>
            <source>Strong.</source>
            <translation>قوية.</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>عبارتا المرور مختلفتان.</translation>
        </message>
        <message>
            <source>Too short: {n} more character(s) needed.</source>
            <translation>قصيرة جدًا: يلزم {n} حرف (أحرف) إضافية.</translation>
        </message>
        <message>
            <source>Use at least {n} characters, for example four or five unrelated words. A seized laptop can be attacked offline: each extra word multiplies the attacker's work. There is no way back in without the passphrase or the recovery code.</source>
            <translation>استخدم {n} حرفًا على الأقل، مثل أربع أو خمس كلمات لا رابط بينها. يمكن مهاجمة حاسوب مصادَر دون اتصال بالشبكة: كل كلمة إضافية تضاعف عمل المهاجم. لا سبيل إلى الدخول مجددًا دون عبارة المرور أو رمز الاسترداد.</translation>
        </message>
    </context>
    <context>
        <name>PeoplePanel</name>
        <message>
            <source>Aliases</source>
            <translation>الأسماء المستعارة</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>الموافقة</translation>
        </message>
        <message>
            <source>Consent of {ref}</source>
            <translation>موافقة {ref}</translation>
        </message>
        <message>
            <source>Consent per scope</source>
            <translation>الموافقة حسب الجهة</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>وسيلة الاتصال</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>تاريخ الميلاد</translation>
        </message>
        <message>
            <source>Edit identity…</source>
            <translation>تعديل الهوية…</translation>
        </message>
        <message>
            <source>Identity of {ref}</source>
            <translation>هوية {ref}</translation>
        </message>
        <message>
            <source>Kept apart from the person's record, inside the encrypted case; the custody log holds only keyed hashes.</source>
            <translation>تُحفظ منفصلة عن سجل الشخص داخل القضية المشفّرة؛ ولا يحتفظ سجل الحيازة إلا ببصمات مفتاحية لها.</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>ملاحظة</translation>
        </message>
        <message>
            <source>Nothing was changed.</source>
            <translation>لم يُغيَّر شيء.</translation>
        </message>
        <message>
            <source>On</source>
            <translation>في</translation>
        </message>
        <message>
            <source>Protection</source>
            <translation>الحماية</translation>
        </message>
        <message>
            <source>Reason for the change</source>
            <translation>سبب التغيير</translation>
        </message>
        <message>
            <source>Record consent…</source>
            <translation>تسجيل موافقة…</translation>
        </message>
        <message>
            <source>Reveal identity</source>
            <translation>كشف الهوية</translation>
        </message>
        <message>
            <source>Risk level</source>
            <translation>مستوى الخطر</translation>
        </message>
        <message>
            <source>Risk level of {ref}</source>
            <translation>مستوى الخطر على {ref}</translation>
        </message>
        <message>
            <source>Share with</source>
            <translation>المشاركة مع</translation>
        </message>
        <message>
            <source>Shows the real name, aliases, date of birth and contact until the case is locked; recorded in custody.</source>
            <translation>يُظهر الاسم الحقيقي والأسماء المستعارة وتاريخ الميلاد ووسيلة الاتصال حتى قفل القضية؛ ويُسجَّل في سجل الحيازة.</translation>
        </message>
        <message>
            <source>Since</source>
            <translation>منذ</translation>
        </message>
        <message>
            <source>Why is the risk level now {level}? The reason is kept in the custody log.</source>
            <translation>لماذا أصبح مستوى الخطر «{level}»؟ يُحفظ السبب في سجل الحيازة.</translation>
        </message>
        <message>
            <source>Withdraw…</source>
            <translation>سحب…</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>YYYY-MM-DD</translation>
        </message>
        <message>
            <source>YYYY-MM-DD, or empty if not known</source>
            <translation>YYYY-MM-DD، أو فارغ إن لم يكن معروفًا</translation>
        </message>
        <message>
            <source>not recorded</source>
            <translation>غير مسجّلة</translation>
        </message>
        <message>
            <source>one alias per line</source>
            <translation>اسم مستعار في كل سطر</translation>
        </message>
        <message>
            <source>optional: how it was given (kept in the case, hashed in custody)</source>
            <translation>اختياري: كيف مُنحت (تُحفظ في القضية، وبصمتها في سجل الحيازة)</translation>
        </message>
    </context>
    <context>
        <name>PersonRole</name>
        <message>
            <source>other</source>
            <translation>آخر</translation>
        </message>
        <message>
            <source>suspect</source>
            <translation>مشتبه به</translation>
        </message>
        <message>
            <source>victim</source>
            <translation>ضحية</translation>
        </message>
        <message>
            <source>witness</source>
            <translation>شاهد</translation>
        </message>
    </context>
    <context>
        <name>PlaceViews</name>
        <message>
            <source>Map</source>
            <translation>الخريطة</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>الخط الزمني</translation>
        </message>
    </context>
    <context>
        <name>PreviewPanel</name>
        <message>
            <source>100 %</source>
            <translation>100٪</translation>
        </message>
        <message>
            <source>Draw a region on the picture first (drag with the mouse, or type it in the region fields).</source>
            <translation>ارسم منطقة على الصورة أولاً (اسحب بالفأرة، أو اكتبها في حقول المنطقة).</translation>
        </message>
        <message>
            <source>Extracted text</source>
            <translation>النص المستخرج</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>ملاءمة</translation>
        </message>
        <message>
            <source>Link the selected words to an element…</source>
            <translation>ربط الكلمات المحددة بعنصر…</translation>
        </message>
        <message>
            <source>Loading the preview…</source>
            <translation>جارٍ تحميل المعاينة…</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>الصفحة التالية</translation>
        </message>
        <message>
            <source>Page {n} of {count}</source>
            <translation>الصفحة {n} من {count}</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>المعاينة</translation>
        </message>
        <message>
            <source>Previous page</source>
            <translation>الصفحة السابقة</translation>
        </message>
        <message>
            <source>Select an exhibit to see its preview.</source>
            <translation>حدّد قطعة إثبات لمعاينتها.</translation>
        </message>
        <message>
            <source>The file is too large to preview ({size} MiB); export the original to open it.</source>
            <translation>الملف أكبر من أن يُعايَن ({size} ميبيبايت)؛ صدّر الملف الأصلي لفتحه.</translation>
        </message>
        <message>
            <source>There is no preview for this type of file ({type}); export the original to open it.</source>
            <translation>لا تتوفر معاينة لهذا النوع من الملفات ({type})؛ صدّر الملف الأصلي لفتحه.</translation>
        </message>
        <message>
            <source>This exhibit is a record without a file: there is nothing to preview.</source>
            <translation>قطعة الإثبات هذه سجل بلا ملف: لا يوجد ما يُعايَن.</translation>
        </message>
        <message>
            <source>This image cannot be shown; export the original to open it.</source>
            <translation>لا يمكن عرض هذه الصورة؛ صدّر الملف الأصلي لفتحه.</translation>
        </message>
        <message>
            <source>Type where the passage starts and ends, e.g. 0:42 and 1:10.</source>
            <translation>اكتب بداية المقطع ونهايته، مثلاً 0:42 و1:10.</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>تكبير</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>تصغير</translation>
        </message>
        <message>
            <source>pixels</source>
            <translation>بكسل</translation>
        </message>
        <message>
            <source>points</source>
            <translation>نقطة</translation>
        </message>
    </context>
    <context>
        <name>ProtectionLevel</name>
        <message>
            <source>confidential</source>
            <translation>سرية</translation>
        </message>
        <message>
            <source>none</source>
            <translation>بلا حماية</translation>
        </message>
        <message>
            <source>protected</source>
            <translation>محمية</translation>
        </message>
    </context>
    <context>
        <name>RecordDialog</name>
        <message>
            <source>(default for the role)</source>
            <translation>(الافتراضي حسب الدور)</translation>
        </message>
        <message>
            <source>Add a person</source>
            <translation>إضافة شخص</translation>
        </message>
        <message>
            <source>Add a source</source>
            <translation>إضافة مصدر</translation>
        </message>
        <message>
            <source>Add an incident</source>
            <translation>إضافة حادثة</translation>
        </message>
        <message>
            <source>Country (code, e.g. SY)</source>
            <translation>البلد (رمز، مثل SY)</translation>
        </message>
        <message>
            <source>Credibility (1-6)</source>
            <translation>المصداقية (1-6)</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>الوصف</translation>
        </message>
        <message>
            <source>Edit {ref}</source>
            <translation>تعديل {ref}</translation>
        </message>
        <message>
            <source>Latitude</source>
            <translation>خط العرض</translation>
        </message>
        <message>
            <source>Longitude</source>
            <translation>خط الطول</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>Nothing was changed.</source>
            <translation>لم يتغير شيء.</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>المكان</translation>
        </message>
        <message>
            <source>Protection</source>
            <translation>الحماية</translation>
        </message>
        <message>
            <source>Real name</source>
            <translation>الاسم الحقيقي</translation>
        </message>
        <message>
            <source>Reason for the change</source>
            <translation>سبب التعديل</translation>
        </message>
        <message>
            <source>Reliability (A-F)</source>
            <translation>الموثوقية (A-F)</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>الدور</translation>
        </message>
        <message>
            <source>Sensitivity</source>
            <translation>الحساسية</translation>
        </message>
        <message>
            <source>Source (its ref, e.g. SRC-1)</source>
            <translation>المصدر (مرجعه، مثل SRC-1)</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>حتى</translation>
        </message>
        <message>
            <source>When</source>
            <translation>التاريخ أو البداية</translation>
        </message>
    </context>
    <context>
        <name>RecordLinkDialog</name>
        <message>
            <source>Exhibits</source>
            <translation>قطع الإثبات</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>ربط</translation>
        </message>
        <message>
            <source>Link exhibits to a person or an incident</source>
            <translation>ربط قطع إثبات بشخص أو حادثة</translation>
        </message>
        <message>
            <source>Linked to</source>
            <translation>مرتبطة بـ</translation>
        </message>
        <message>
            <source>Reasoning</source>
            <translation>التعليل</translation>
        </message>
        <message>
            <source>Stance</source>
            <translation>الموقف</translation>
        </message>
        <message>
            <source>The case has no person or incident yet: add one first (Records menu).</source>
            <translation>لا يوجد في القضية شخص ولا حادثة بعد: أضف واحدًا أولًا (قائمة السجلات).</translation>
        </message>
        <message>
            <source>The person or incident the exhibits are linked to</source>
            <translation>الشخص أو الحادثة التي ترتبط بها قطع الإثبات</translation>
        </message>
        <message>
            <source>What does this exhibit show about them? (required)</source>
            <translation>ماذا تُظهر هذه القطعة عنهم؟ (مطلوب)</translation>
        </message>
    </context>
    <context>
        <name>ReviewState</name>
        <message>
            <source>accepted</source>
            <translation>مقبول</translation>
        </message>
        <message>
            <source>proposed</source>
            <translation>مقترح</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>مرفوض</translation>
        </message>
    </context>
    <context>
        <name>ReviewView</name>
        <message>
            <source>&amp;Accept</source>
            <translation>&amp;قبول</translation>
        </message>
        <message>
            <source>&amp;Reject</source>
            <translation>&amp;رفض</translation>
        </message>
        <message>
            <source>Accept the selected link (Ctrl+Return): it then counts as proof</source>
            <translation>اقبل الرابط المحدد (Ctrl+Enter): يُحتسب عندها دليلًا</translation>
        </message>
        <message>
            <source>Element</source>
            <translation>الركن</translation>
        </message>
        <message>
            <source>Elements starting with… (e.g. 8(2)(e)), then Enter</source>
            <translation>العناصر التي تبدأ بـ… (مثلاً 8(2)(e))، ثم Enter</translation>
        </message>
        <message>
            <source>Exhibit</source>
            <translation>قطعة الإثبات</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>الرابط</translation>
        </message>
        <message>
            <source>Observed or alleged</source>
            <translation>مُشاهَد أو مُدَّعى</translation>
        </message>
        <message>
            <source>Only accepted links count as proof in the gap matrix. Another person than the author reviews.</source>
            <translation>لا تُحتسب دليلًا في مصفوفة الثغرات إلا الروابط المقبولة. يراجعها شخص غير كاتبها.</translation>
        </message>
        <message>
            <source>Proposed by</source>
            <translation>اقترحه</translation>
        </message>
        <message>
            <source>Reasoning</source>
            <translation>التعليل</translation>
        </message>
        <message>
            <source>Reasoning: {text}</source>
            <translation>التعليل: {text}</translation>
        </message>
        <message>
            <source>Reject the selected link (Ctrl+Backspace): it then counts for nothing</source>
            <translation>ارفض الرابط المحدد (Ctrl+Backspace): لا يُحتسب عندها</translation>
        </message>
        <message>
            <source>Show the links to elements starting with</source>
            <translation>إظهار الروابط بالأركان التي تبدأ بـ</translation>
        </message>
        <message>
            <source>Stance</source>
            <translation>الموقف</translation>
        </message>
        <message>
            <source>Weight</source>
            <translation>الوزن</translation>
        </message>
        <message>
            <source>{link} is {state}</source>
            <translation>{link}: {state}</translation>
        </message>
        <message>
            <source>{n} link(s) awaiting review</source>
            <translation>عدد الروابط بانتظار المراجعة: {n}</translation>
        </message>
    </context>
    <context>
        <name>RiskLevel</name>
        <message>
            <source>high</source>
            <translation>مرتفع</translation>
        </message>
        <message>
            <source>low</source>
            <translation>منخفض</translation>
        </message>
        <message>
            <source>medium</source>
            <translation>متوسط</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>غير معروف</translation>
        </message>
    </context>
    <context>
        <name>SelectionActions</name>
        <message>
            <source>Add a note to {ref}</source>
            <translation>إضافة ملاحظة إلى {ref}</translation>
        </message>
        <message>
            <source>Add a tag to {ref}</source>
            <translation>إضافة وسم إلى {ref}</translation>
        </message>
        <message>
            <source>Custody entry #{seq} records the export ({at} UTC, by {who}).</source>
            <translation>يسجّل القيد رقم {seq} في سلسلة الحيازة عملية التصدير ({at} UTC، بواسطة {who}).</translation>
        </message>
        <message>
            <source>Custody entry hash: {hash}</source>
            <translation>بصمة القيد في سلسلة الحيازة: {hash}</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>التصدير</translation>
        </message>
        <message>
            <source>Export the original of {ref}</source>
            <translation>تصدير الملف الأصلي لـ {ref}</translation>
        </message>
        <message>
            <source>Exporting {ref}…</source>
            <translation>جارٍ تصدير {ref}…</translation>
        </message>
        <message>
            <source>Its SHA-256 was checked against the record: the file is the original, byte for byte.</source>
            <translation>طُوبقت بصمة SHA-256 مع المسجّلة: الملف هو الأصل بايتًا ببايت.</translation>
        </message>
        <message>
            <source>Note (kept in the case; the custody log records that it was written, not its text):</source>
            <translation>الملاحظة (تُحفظ في القضية؛ ويسجّل سجل سلسلة الحيازة كتابتها دون نصها):</translation>
        </message>
        <message>
            <source>Remove a tag from {ref}</source>
            <translation>إزالة وسم من {ref}</translation>
        </message>
        <message>
            <source>Select a record first.</source>
            <translation>حدّد سجلًا أولًا.</translation>
        </message>
        <message>
            <source>Select an exhibit first.</source>
            <translation>حدّد قطعة إثبات أولًا.</translation>
        </message>
        <message>
            <source>Size: {n} bytes</source>
            <translation>الحجم: {n} بايت</translation>
        </message>
        <message>
            <source>Tag (a word or a short phrase; tags are not case-sensitive):</source>
            <translation>الوسم (كلمة أو عبارة قصيرة؛ لا يُميَّز بين الأحرف الكبيرة والصغيرة):</translation>
        </message>
        <message>
            <source>Tag to remove:</source>
            <translation>الوسم المراد إزالته:</translation>
        </message>
        <message>
            <source>The case is on read-only media: the export could not be entered in the custody log.</source>
            <translation>القضية على وسيط للقراءة فقط: تعذّر قيد التصدير في سجل سلسلة الحيازة.</translation>
        </message>
        <message>
            <source>{ref} exported.</source>
            <translation>صُدّر {ref}.</translation>
        </message>
        <message>
            <source>{ref} has no tags.</source>
            <translation>لا توجد وسوم على {ref}.</translation>
        </message>
        <message>
            <source>{ref} was exported to {path}.</source>
            <translation>صُدّر {ref} إلى {path}.</translation>
        </message>
    </context>
    <context>
        <name>Sensitivity</name>
        <message>
            <source>graphic</source>
            <translation>محتوى صادم</translation>
        </message>
        <message>
            <source>none</source>
            <translation>لا شيء</translation>
        </message>
        <message>
            <source>personal_data</source>
            <translation>بيانات شخصية</translation>
        </message>
        <message>
            <source>protected_person</source>
            <translation>شخص محمي</translation>
        </message>
    </context>
    <context>
        <name>ServiceErrors</name>
        <message>
            <source>acquisition note</source>
            <translation>ملاحظة الحيازة</translation>
        </message>
        <message>
            <source>alias</source>
            <translation>الاسم الآخر</translation>
        </message>
        <message>
            <source>case</source>
            <translation>قضية</translation>
        </message>
        <message>
            <source>charge</source>
            <translation>تهمة</translation>
        </message>
        <message>
            <source>contact</source>
            <translation>وسيلة الاتصال</translation>
        </message>
        <message>
            <source>description</source>
            <translation>الوصف</translation>
        </message>
        <message>
            <source>element link</source>
            <translation>ربط بركن</translation>
        </message>
        <message>
            <source>exhibit</source>
            <translation>قطعة إثبات</translation>
        </message>
        <message>
            <source>incident</source>
            <translation>حادثة</translation>
        </message>
        <message>
            <source>legal analysis</source>
            <translation>التحليل القانوني</translation>
        </message>
        <message>
            <source>link</source>
            <translation>ربط</translation>
        </message>
        <message>
            <source>name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>note</source>
            <translation>ملاحظة</translation>
        </message>
        <message>
            <source>person</source>
            <translation>شخص</translation>
        </message>
        <message>
            <source>place name</source>
            <translation>اسم المكان</translation>
        </message>
        <message>
            <source>quoted words</source>
            <translation>الكلمات المقتبسة</translation>
        </message>
        <message>
            <source>reason</source>
            <translation>السبب</translation>
        </message>
        <message>
            <source>reasoning</source>
            <translation>التعليل</translation>
        </message>
        <message>
            <source>sender line</source>
            <translation>سطر المُرسِل</translation>
        </message>
        <message>
            <source>source</source>
            <translation>مصدر</translation>
        </message>
        <message>
            <source>source name</source>
            <translation>اسم المصدر</translation>
        </message>
        <message>
            <source>tag</source>
            <translation>الوسم</translation>
        </message>
        <message>
            <source>the case is locked; unlock it again to continue</source>
            <translation>القضية مقفلة؛ افتح قفلها من جديد للمتابعة</translation>
        </message>
        <message>
            <source>there is no record {ref} in this case</source>
            <translation>لا يوجد سجل {ref} في هذه القضية</translation>
        </message>
        <message>
            <source>there is no {kind} {ref} in this case</source>
            <translation>لا يوجد {kind} {ref} في هذه القضية</translation>
        </message>
        <message>
            <source>this case is on read-only media; copy it to a writable disk to change it</source>
            <translation>هذه القضية على وسيط للقراءة فقط؛ انسخها إلى قرص قابل للكتابة لتعديلها</translation>
        </message>
        <message>
            <source>title</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <source>wrong passphrase (nothing was changed)</source>
            <translation>عبارة مرور خاطئة (لم يتغيّر شيء)</translation>
        </message>
        <message>
            <source>wrong recovery code (nothing was changed)</source>
            <translation>رمز استرداد خاطئ (لم يتغيّر شيء)</translation>
        </message>
        <message>
            <source>{field} is required</source>
            <translation>الحقل «{field}» مطلوب</translation>
        </message>
        <message>
            <source>{link} already links {source} to {target} ({stance}); edit it instead of adding it twice</source>
            <translation>{link} يربط مسبقًا {source} بـ {target} ({stance})؛ عدّله بدل إضافته مرتين</translation>
        </message>
        <message>
            <source>{ref} already has these values; nothing was changed</source>
            <translation>لـ {ref} هذه القيم مسبقًا؛ لم يتغيّر شيء</translation>
        </message>
    </context>
    <context>
        <name>Shell</name>
        <message>
            <source>The case was locked. Unlock it to continue.</source>
            <translation>قُفلت القضية. افتحها للمتابعة.</translation>
        </message>
    </context>
    <context>
        <name>SidePanel</name>
        <message>
            <source>Add a note…</source>
            <translation>إضافة ملاحظة…</translation>
        </message>
        <message>
            <source>Add a tag…</source>
            <translation>إضافة وسم…</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>التفاصيل</translation>
        </message>
        <message>
            <source>Export the original…</source>
            <translation>تصدير الملف الأصلي…</translation>
        </message>
        <message>
            <source>No text was extracted from this file.</source>
            <translation>لم يُستخرج أي نص من هذا الملف.</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>المعاينة</translation>
        </message>
        <message>
            <source>Remove a tag…</source>
            <translation>إزالة وسم…</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>النص</translation>
        </message>
    </context>
    <context>
        <name>TableColumns</name>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>الإجراء</translation>
        </message>
        <message>
            <source>Captured</source>
            <translation>تاريخ الالتقاط</translation>
        </message>
        <message>
            <source>Grading</source>
            <translation>التقييم</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Links</source>
            <translation>الروابط</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>المكان</translation>
        </message>
        <message>
            <source>Protection</source>
            <translation>الحماية</translation>
        </message>
        <message>
            <source>Pseudonym</source>
            <translation>الاسم المستعار</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>السجل</translation>
        </message>
        <message>
            <source>Ref</source>
            <translation>المرجع</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>الدور</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>المصدر</translation>
        </message>
        <message>
            <source>State</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>الوسوم</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <source>When</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>When (UTC)</source>
            <translation>التاريخ (UTC)</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>مَن</translation>
        </message>
    </context>
    <context>
        <name>TimePrecision</name>
        <message>
            <source>day</source>
            <translation>باليوم</translation>
        </message>
        <message>
            <source>estimated</source>
            <translation>تقديرية</translation>
        </message>
        <message>
            <source>exact</source>
            <translation>دقيقة</translation>
        </message>
        <message>
            <source>month</source>
            <translation>بالشهر</translation>
        </message>
        <message>
            <source>year</source>
            <translation>بالسنة</translation>
        </message>
    </context>
    <context>
        <name>TimelineCanvas</name>
        <message>
            <source>Timeline</source>
            <translation>الخط الزمني</translation>
        </message>
        <message>
            <source>between {start} and {end}</source>
            <translation>بين {start} و{end}</translation>
        </message>
        <message>
            <source>the file recorded no time zone: read in the case's zone</source>
            <translation>لم يسجل الملف منطقة زمنية: قُرئ الوقت بمنطقة القضية</translation>
        </message>
        <message>
            <source>time known: {precision}</source>
            <translation>الوقت معروف: {precision}</translation>
        </message>
    </context>
    <context>
        <name>TimelineView</name>
        <message>
            <source>Fit everything</source>
            <translation>عرض الكل</translation>
        </message>
        <message>
            <source>Show a longer time (-)</source>
            <translation>عرض مدة أطول (-)</translation>
        </message>
        <message>
            <source>Show every entry (Home)</source>
            <translation>عرض كل المدخلات (Home)</translation>
        </message>
        <message>
            <source>Show more detail (+, or Ctrl and the mouse wheel)</source>
            <translation>تفاصيل أكثر (+، أو Ctrl مع عجلة الفأرة)</translation>
        </message>
        <message>
            <source>times in {zone}</source>
            <translation>الأوقات بتوقيت {zone}</translation>
        </message>
        <message>
            <source>{shown} dated; not shown, without a time: {incidents} incident(s), {exhibits} exhibit(s)</source>
            <translation>{shown} مؤرخة؛ غير معروضة لعدم وجود وقت: {incidents} حادثة، {exhibits} قطعة إثبات</translation>
        </message>
    </context>
    <context>
        <name>UnlockPage</name>
        <message>
            <source>Back</source>
            <translation>رجوع</translation>
        </message>
        <message>
            <source>I forgot the passphrase: use the recovery code</source>
            <translation>نسيت عبارة المرور: استخدم رمز الاسترداد</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>عبارة المرور</translation>
        </message>
        <message>
            <source>Recovery code</source>
            <translation>رمز الاسترداد</translation>
        </message>
        <message>
            <source>Set the new passphrase and unlock</source>
            <translation>تعيين عبارة المرور الجديدة وفتح القفل</translation>
        </message>
        <message>
            <source>The custody log records who did what. A link to an element is accepted by someone other than its author, so a colleague reviewing on this computer unlocks with their own name.</source>
            <translation>يسجّل سجلّ سلسلة الحيازة من فعل ماذا. لا يقبل الربطَ بركنٍ إلا شخصٌ غير صاحبه، لذا يفتح الزميل الذي يراجع على هذا الحاسوب القضيةَ باسمه هو.</translation>
        </message>
        <message>
            <source>Type the case's passphrase.</source>
            <translation>اكتب عبارة المرور الخاصة بالقضية.</translation>
        </message>
        <message>
            <source>Type the new passphrase twice (at least 12 characters).</source>
            <translation>اكتب عبارة المرور الجديدة مرتين (12 حرفًا على الأقل).</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>فتح القفل</translation>
        </message>
        <message>
            <source>Unlock with the system keyring</source>
            <translation>فتح القفل بسلسلة مفاتيح النظام</translation>
        </message>
        <message>
            <source>Unlock {name}</source>
            <translation>فتح قفل {name}</translation>
        </message>
        <message>
            <source>Unlocking…</source>
            <translation>جارٍ فتح القفل…</translation>
        </message>
        <message>
            <source>Wrong passphrase. Nothing was changed; try again.</source>
            <translation>عبارة المرور خاطئة. لم يتغير شيء؛ حاول مرة أخرى.</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>اسمك</translation>
        </message>
        <message>
            <source>Your name, as the custody log records it</source>
            <translation>اسمك كما يسجّله سجلّ الحيازة</translation>
        </message>
    </context>
    <context>
        <name>Verdict</name>
        <message>
            <source>depends</source>
            <translation>يتوقف</translation>
        </message>
        <message>
            <source>outside</source>
            <translation>خارج الاختصاص</translation>
        </message>
        <message>
            <source>within</source>
            <translation>ضمن الاختصاص</translation>
        </message>
    </context>
    <context>
        <name>VerifyController</name>
        <message>
            <source>The case does NOT verify: {n} problem(s) found. See the details; nothing was changed.</source>
            <translation>فشل التحقق من القضية: وُجدت {n} مشكلة (مشكلات). انظر التفاصيل؛ لم يتغير شيء.</translation>
        </message>
        <message>
            <source>The case verifies: {n} custody entries intact, database sound, {scope}.</source>
            <translation>تم التحقق من القضية: {n} قيدًا في سلسلة الحيازة سليمة، وقاعدة البيانات سليمة، و{scope}.</translation>
        </message>
        <message>
            <source>Verification</source>
            <translation>التحقق</translation>
        </message>
        <message>
            <source>Verification stopped</source>
            <translation>توقف التحقق</translation>
        </message>
        <message>
            <source>Verifying the case: file {done} of {total}…</source>
            <translation>جارٍ التحقق من القضية: الملف {done} من {total}…</translation>
        </message>
        <message>
            <source>Verifying the case…</source>
            <translation>جارٍ التحقق من القضية…</translation>
        </message>
        <message>
            <source>custody entry {seq}: {message}</source>
            <translation>القيد {seq} في سلسلة الحيازة: {message}</translation>
        </message>
        <message>
            <source>database: {problem}</source>
            <translation>قاعدة البيانات: {problem}</translation>
        </message>
        <message>
            <source>every stored file was decrypted and checked</source>
            <translation>فُكّ تشفير كل ملف مخزّن وتم فحصه</translation>
        </message>
        <message>
            <source>file</source>
            <translation>ملف</translation>
        </message>
        <message>
            <source>files by size only</source>
            <translation>الملفات بحسب حجمها فقط</translation>
        </message>
        <message>
            <source>{ref} (entry {seq}): {message}</source>
            <translation>{ref} (القيد {seq}): {message}</translation>
        </message>
    </context>
    <context>
        <name>Weight</name>
        <message>
            <source>certain</source>
            <translation>مؤكد</translation>
        </message>
        <message>
            <source>likely</source>
            <translation>مرجّح</translation>
        </message>
        <message>
            <source>maybe</source>
            <translation>محتمل</translation>
        </message>
    </context>
    <context>
        <name>WelcomeWindow</name>
        <message>
            <source>&lt;h2&gt;caseapp&lt;/h2&gt;&lt;p&gt;Evidence of international crimes, kept safe and in order.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;caseapp&lt;/h2&gt;&lt;p&gt;أدلة الجرائم الدولية، محفوظة بأمان ومنظَّمة.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Create a case…</source>
            <translation>إنشاء قضية…</translation>
        </message>
        <message>
            <source>Open a case folder</source>
            <translation>فتح مجلد قضية</translation>
        </message>
        <message>
            <source>Open a case…</source>
            <translation>فتح قضية…</translation>
        </message>
        <message>
            <source>Recent cases</source>
            <translation>القضايا الأخيرة</translation>
        </message>
        <message>
            <source>Remember recent cases on this computer (their names can be sensitive)</source>
            <translation>تذكّر القضايا الأخيرة على هذا الحاسوب (قد تكون أسماؤها حساسة)</translation>
        </message>
        <message>
            <source>caseapp</source>
            <translation>caseapp</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>Error kind: {kind}</source>
            <translation>نوع الخطأ: {kind}</translation>
        </message>
        <message>
            <source>Something went wrong inside caseapp ({kind}). What was saved before it stays saved. Please report it, with what you were doing.</source>
            <translation>حدث خطأ داخل caseapp ({kind}). ما حُفظ قبله يبقى محفوظًا. يُرجى الإبلاغ عنه مع ذكر ما كنت تفعله.</translation>
        </message>
        <message>
            <source>The case is locked. Unlock it again to continue.</source>
            <translation>القضية مقفلة. افتح قفلها مجددًا للمتابعة.</translation>
        </message>
        <message>
            <source>caseapp</source>
            <translation>caseapp</translation>
        </message>
    </context>
</TS>
