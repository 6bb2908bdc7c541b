// Services › Contact lists on the demo organisation: the level chooser (organisation, a user group,
// a user and what that user sees), Create a new contact through ContactDialog with numbers stored as
// +32…, an invalid number refused in the dialog, Edit, and Delete after a question.
#include "common/PagedTableModel.h"
#include "common/TablePanel.h"
#include "contacts/ContactDialog.h"
#include "contacts/ContactsModel.h"
#include "contacts/ContactsPage.h"
#include "demo/DemoGenerator.h"
#include "domain/PhoneNumbers.h"
#include "i18n/Translations.h"
#include "main/MainWindow.h"
#include "store/Store.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <memory>

using namespace centrale;

class TestContactsPanel : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    Translations m_translations;
    int m_storeNumber = 0;

    static ContactsPage *page(MainWindow &w) { return w.findChild<ContactsPage *>(QStringLiteral("contactsPage")); }
    static ContactsModel *model(MainWindow &w) { return qobject_cast<ContactsModel *>(w.panel(MainWindow::Page::Contacts)->model()); }

    static void fetchAll(PagedTableModel *m)
    {
        while (m->canFetchMore({}))
            m->fetchMore({});
    }

    static int rowOfId(MainWindow &w, const QString &id)
    {
        PagedTableModel *m = model(w);
        fetchAll(m);
        for (int r = 0; r < m->rowCount(); ++r) {
            if (m->idAt(r) == id)
                return r;
        }
        return -1;
    }

    static bool select(MainWindow &w, const QString &id)
    {
        const int row = rowOfId(w, id);
        if (row < 0)
            return false;
        w.panel(MainWindow::Page::Contacts)->table()->setCurrentIndex(model(w)->index(row, 0));
        return w.panel(MainWindow::Page::Contacts)->selectedId() == id;
    }

    static ContactDialog *openDialog(MainWindow &w, QAction *action)
    {
        action->trigger();
        ContactDialog *d = nullptr;
        for (ContactDialog *candidate : w.findChildren<ContactDialog *>(QStringLiteral("contactDialog"))) {
            if (candidate->isVisible())
                d = candidate;
        }
        return d;
    }

    static void setNumber(ContactDialog *d, int row, const QString &label, const QString &number)
    {
        auto *table = d->findChild<QTableWidget *>(QStringLiteral("contactNumbers"));
        table->item(row, 0)->setText(label);
        table->item(row, 1)->setText(number);
    }

    static void save(ContactDialog *d)
    {
        QTest::mouseClick(d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
    }

    // Saves and expects the dialog to close; otherwise fails with the message it shows.
    static bool saveAndClose(QPointer<ContactDialog> &d)
    {
        save(d);
        if (d && !d->errorText().isEmpty()) {
            qWarning() << "dialog refused:" << d->errorText();
            return false;
        }
        return QTest::qWaitFor([&d] { return d.isNull(); });
    }

    int outboxCount() { return m_store->outbox.count().value(); }

    QList<Contact> contactsNamed(const QString &lastName)
    {
        QList<Contact> found;
        const QList<Contact> all = m_store->contacts.list().value();
        for (const Contact &c : all) {
            if (c.lastName == lastName)
                found << c;
        }
        return found;
    }

    void showContacts(MainWindow &w)
    {
        w.show();
        w.showPage(MainWindow::Page::Contacts);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CentraleTest"));
        QVERIFY(m_dir.isValid());
        QVERIFY(m_translations.install(QStringLiteral("en")));
    }

    void init()
    {
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(m_dir.filePath(QStringLiteral("demo%1.sqlite").arg(++m_storeNumber))));
        QVERIFY(DemoGenerator::generate(m_store->database(), {}));
        m_store->refreshOrganisation();
    }

    void cleanup()
    {
        m_store.reset();
        QVERIFY(m_translations.install(QStringLiteral("en")));
    }

    void toolbarHasTheActions()
    {
        MainWindow w(*m_store, m_translations);
        showContacts(w);
        ContactsPage *p = page(w);
        QVERIFY(p);
        const QList<QAction *> actions = w.panel(MainWindow::Page::Contacts)->toolBar()->actions();
        QVERIFY(actions.contains(p->newAction()) && actions.contains(p->editAction()) && actions.contains(p->deleteAction()));
        QCOMPARE(p->newAction()->text(), QStringLiteral("Create a new contact"));
        // The default level is every contact, as before.
        QCOMPARE(p->levelCombo()->currentIndex(), int(ContactsPage::AllContacts));
        QCOMPARE(model(w)->totalCount(), m_store->contacts.count().value());
        QVERIFY(m_translations.install(QStringLiteral("fr")));
        // Ctrl+N on the shown page opens the dialog (the User groups page's Ctrl+N is hidden).
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(!w.findChild<ContactDialog *>(QStringLiteral("contactDialog")));
        QTest::keySequence(&w, QKeySequence::New);
        QPointer<ContactDialog> d = w.findChild<ContactDialog *>(QStringLiteral("contactDialog"));
        QVERIFY(d);
        QVERIFY(d->isVisible());
        d->reject();
        QTRY_VERIFY(!d);

        QTRY_COMPARE(p->newAction()->text(), QStringLiteral("Créer un nouveau contact"));
        QCOMPARE(p->levelCombo()->itemText(ContactsPage::OrganisationLevel),
                 QStringLiteral("Configurer pour tous les utilisateurs dans l'organisation"));
        QVERIFY(m_translations.install(QStringLiteral("en")));
    }

    void createOrganisationContact()
    {
        MainWindow w(*m_store, m_translations);
        showContacts(w);
        QAbstractItemModelTester tester(model(w), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page(w)->levelCombo()->setCurrentIndex(ContactsPage::OrganisationLevel);
        QCOMPARE(model(w)->totalCount(), m_store->contacts.count({}, Contact::Scope::Organisation).value());
        const int outboxBefore = outboxCount();
        QPointer<ContactDialog> d = openDialog(w, page(w)->newAction());
        QVERIFY(d);
        QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("contactFirstName")), QStringLiteral("Marie"));
        QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("contactLastName")), QStringLiteral("Zyxdupont"));
        QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("contactCompany")), QStringLiteral("Acme"));
        QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("contactEmail")), QStringLiteral("marie@acme.example"));
        setNumber(d, 0, QStringLiteral("Mobile"), QStringLiteral("0475 12 34 56"));
        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("addContactNumber")), Qt::LeftButton);
        setNumber(d, 1, QStringLiteral("Work"), QStringLiteral("02 511 22 33"));
        QVERIFY(saveAndClose(d));
        const QList<Contact> found = contactsNamed(QStringLiteral("Zyxdupont"));
        QCOMPARE(found.size(), 1);
        const Contact c = found.first();
        QCOMPARE(c.scope, Contact::Scope::Organisation);
        QVERIFY(c.ownerId.isEmpty());
        QCOMPARE(c.numbers.size(), 2);
        QCOMPARE(c.numbers.at(0), (ContactNumber{QStringLiteral("Mobile"), QStringLiteral("+32475123456")}));
        QCOMPARE(c.numbers.at(1).number, QStringLiteral("+3225112233"));
        QCOMPARE(outboxCount(), outboxBefore + 1);
        QCOMPARE(m_store->outbox.pending()->last().entityId, c.id);
        // Shown in the list, selected.
        QVERIFY(rowOfId(w, c.id) >= 0);
        QCOMPARE(w.panel(MainWindow::Page::Contacts)->selectedId(), c.id);
    }

    void invalidNumberKeepsDialogOpen()
    {
        MainWindow w(*m_store, m_translations);
        showContacts(w);
        const int outboxBefore = outboxCount();
        QPointer<ContactDialog> d = openDialog(w, page(w)->newAction());
        QVERIFY(d);
        QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("contactLastName")), QStringLiteral("Zyxbad"));
        setNumber(d, 0, {}, QStringLiteral("12ab"));
        save(d);
        QVERIFY(d);
        QVERIFY(d->isVisible());
        auto *error = d->findChild<QLabel *>(QStringLiteral("contactError"));
        QVERIFY(!error->isHidden());
        QCOMPARE(error->text(), PhoneNumbers::toE164(QStringLiteral("12ab")).error().message);
        QVERIFY(!error->text().isEmpty());
        QCOMPARE(outboxCount(), outboxBefore);
        QVERIFY(contactsNamed(QStringLiteral("Zyxbad")).isEmpty());
        // No number at all is refused too; removing the row leaves none.
        auto *table = d->findChild<QTableWidget *>(QStringLiteral("contactNumbers"));
        table->setCurrentCell(0, 1);
        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("removeContactNumber")), Qt::LeftButton);
        QCOMPARE(table->rowCount(), 0);
        save(d);
        QVERIFY(d && d->isVisible());
        QCOMPARE(d->errorText(), QStringLiteral("Add at least one phone number (always in the +32 format)."));
        // Fixing it saves.
        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("addContactNumber")), Qt::LeftButton);
        setNumber(d, 0, {}, QStringLiteral("0475 99 88 77"));
        QVERIFY(saveAndClose(d));
        QCOMPARE(contactsNamed(QStringLiteral("Zyxbad")).size(), 1);
        QCOMPARE(outboxCount(), outboxBefore + 1);
    }

    void groupLevel()
    {
        MainWindow w(*m_store, m_translations);
        showContacts(w);
        QAbstractItemModelTester tester(model(w), QAbstractItemModelTester::FailureReportingMode::QtTest);
        ContactsPage *p = page(w);
        p->levelCombo()->setCurrentIndex(ContactsPage::GroupLevel);
        QVERIFY(p->groupCombo()->count() >= 2);
        p->groupCombo()->setCurrentIndex(1);
        const QString groupId = p->groupCombo()->currentData().toString();
        QVERIFY(!groupId.isEmpty());
        const int expected = m_store->contacts.count({}, Contact::Scope::Group, groupId).value();
        QVERIFY(expected > 0);
        QVERIFY(expected < m_store->contacts.count().value());
        QCOMPARE(model(w)->totalCount(), expected);
        fetchAll(model(w));
        for (int r = 0; r < model(w)->rowCount(); ++r) {
            const auto c = m_store->contacts.get(model(w)->idAt(r));
            QVERIFY(c);
            QCOMPARE(c->scope, Contact::Scope::Group);
            QCOMPARE(c->ownerId, groupId);
        }

        QPointer<ContactDialog> d = openDialog(w, p->newAction());
        QVERIFY(d);
        QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("contactCompany")), QStringLiteral("Zyxgroupco"));
        setNumber(d, 0, QStringLiteral("Desk"), QStringLiteral("0475 12 34 56"));
        QVERIFY(saveAndClose(d));
        const auto all = m_store->contacts.list().value();
        auto it = std::find_if(all.begin(), all.end(), [](const Contact &c) { return c.company == QStringLiteral("Zyxgroupco"); });
        QVERIFY(it != all.end());
        QCOMPARE(it->scope, Contact::Scope::Group);
        QCOMPARE(it->ownerId, groupId);
        QCOMPARE(model(w)->totalCount(), expected + 1);
        QVERIFY(rowOfId(w, it->id) >= 0);

        // A group created meanwhile on the User groups page is offered when the page is shown again.
        w.showPage(MainWindow::Page::Groups);
        UserGroup added;
        added.name = QStringLiteral("Zyxnewgroup");
        QVERIFY(m_store->groups.create(added));
        QCOMPARE(p->groupCombo()->findText(QStringLiteral("Zyxnewgroup")), -1);
        w.showPage(MainWindow::Page::Contacts);
        QVERIFY(p->groupCombo()->findText(QStringLiteral("Zyxnewgroup")) >= 0);
        QCOMPARE(p->groupCombo()->currentData().toString(), groupId);
    }

    void editSelected()
    {
        MainWindow w(*m_store, m_translations);
        showContacts(w);
        ContactsPage *p = page(w);
        p->levelCombo()->setCurrentIndex(ContactsPage::OrganisationLevel);
        const QString id = model(w)->idAt(0);
        QVERIFY(select(w, id));
        const Contact before = m_store->contacts.get(id).value();
        const int outboxBefore = outboxCount();
        QPointer<ContactDialog> d = openDialog(w, p->editAction());
        QVERIFY(d);
        auto *company = d->findChild<QLineEdit *>(QStringLiteral("contactCompany"));
        QCOMPARE(company->text(), before.company);
        auto *table = d->findChild<QTableWidget *>(QStringLiteral("contactNumbers"));
        QCOMPARE(table->rowCount(), before.numbers.size());
        company->clear();
        QTest::keyClicks(company, QStringLiteral("Zyxrenamed"));
        setNumber(d, 0, QStringLiteral("Main"), QStringLiteral("0475 12 34 56"));
        QVERIFY(saveAndClose(d));
        const Contact after = m_store->contacts.get(id).value();
        QCOMPARE(after.company, QStringLiteral("Zyxrenamed"));
        QCOMPARE(after.numbers.first(), (ContactNumber{QStringLiteral("Main"), QStringLiteral("+32475123456")}));
        QCOMPARE(after.scope, before.scope);
        QCOMPARE(outboxCount(), outboxBefore + 1);
    }

    void deleteWithConfirmation()
    {
        MainWindow w(*m_store, m_translations);
        showContacts(w);
        ContactsPage *p = page(w);
        const QString id = model(w)->idAt(0);
        QVERIFY(select(w, id));
        const int total = model(w)->totalCount();

        // Cancel keeps it.
        p->deleteAction()->trigger();
        QPointer<QMessageBox> box = w.findChild<QMessageBox *>(QStringLiteral("confirmDeleteContact"));
        QVERIFY(box);
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("cancelDeleteContact")), Qt::LeftButton);
        QTRY_VERIFY(!box);
        QVERIFY(m_store->contacts.get(id));

        p->deleteAction()->trigger();
        box = w.findChild<QMessageBox *>(QStringLiteral("confirmDeleteContact"));
        QVERIFY(box);
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmDeleteContactButton")), Qt::LeftButton);
        QTRY_VERIFY(!box);
        QVERIFY(!m_store->contacts.get(id));
        QCOMPARE(model(w)->totalCount(), total - 1);
        QCOMPARE(rowOfId(w, id), -1);
    }

    void userLevelAndEffectiveView()
    {
        MainWindow w(*m_store, m_translations);
        showContacts(w);
        QAbstractItemModelTester tester(model(w), QAbstractItemModelTester::FailureReportingMode::QtTest);
        ContactsPage *p = page(w);
        const User user = m_store->users.list().value().at(3);
        QVERIFY(!user.groupIds.isEmpty());
        p->levelCombo()->setCurrentIndex(ContactsPage::UserLevel);
        QVERIFY(!p->newAction()->isEnabled()); // no user chosen yet
        QTest::keyClicks(p->userSearch(), user.username);
        const int index = p->userCombo()->findData(user.id);
        QVERIFY(index >= 0);
        p->userCombo()->setCurrentIndex(index);
        QVERIFY(p->newAction()->isEnabled());
        const int own = m_store->contacts.count({}, Contact::Scope::User, user.id).value();
        QCOMPARE(model(w)->totalCount(), own);

        p->effectiveCheck()->setChecked(true);
        QVERIFY(model(w)->isEffective());
        const auto effective = m_store->contacts.effectiveForUser(user.id).value();
        QCOMPARE(model(w)->totalCount(), effective.size());
        QVERIFY(model(w)->totalCount() > own);
        fetchAll(model(w));
        QSet<QString> scopes;
        bool groupNamed = false;
        const QString groupName = m_store->groups.get(user.groupIds.first()).value().name;
        for (int r = 0; r < model(w)->rowCount(); ++r) {
            const QModelIndex source = model(w)->index(r, ContactsModel::DefinedFor);
            scopes << source.data(PagedTableModel::RawValueRole).toString();
            if (source.data().toString().contains(groupName))
                groupNamed = true;
        }
        QVERIFY(scopes.contains(QStringLiteral("organisation")));
        QVERIFY(scopes.contains(QStringLiteral("group")));
        QVERIFY(groupNamed);

        // A contact created for the user belongs to it.
        QPointer<ContactDialog> d = openDialog(w, p->newAction());
        QVERIFY(d);
        QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("contactLastName")), QStringLiteral("Zyxmine"));
        setNumber(d, 0, {}, QStringLiteral("0475 12 34 56"));
        QVERIFY(saveAndClose(d));
        const QList<Contact> mine = contactsNamed(QStringLiteral("Zyxmine"));
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine.first().scope, Contact::Scope::User);
        QCOMPARE(mine.first().ownerId, user.id);
        QCOMPARE(model(w)->totalCount(), effective.size() + 1);
    }
};

QTEST_MAIN(TestContactsPanel)
#include "tst_contacts_panel.moc"
