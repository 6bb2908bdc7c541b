// Devices › SIP phones on the demo organisation: programming a key with a colleague found through
// the search, or a phone number (an invalid one refused, nothing saved); replacing an inherited key
// and giving it back to the template; key templates created and attached to a group; one key on
// several phones; "Save and reload" against a real SIP phone (sipp on loopback) and against one that
// does not answer; a reload of several phones cancelled; the provisioning file; French and Dutch.
#include "../core/SippPhone.h"

#include "common/PagedTableModel.h"
#include "common/TablePanel.h"
#include "demo/DemoGenerator.h"
#include "devices/PhoneProvisioning.h"
#include "i18n/Translations.h"
#include "main/MainWindow.h"
#include "phones/KeyDialog.h"
#include "phones/KeyTemplatesDialog.h"
#include "phones/PhoneDetail.h"
#include "phones/PhoneKeysModel.h"
#include "phones/PhonesModel.h"
#include "phones/PhonesPage.h"
#include "phones/ReloadResultsDialog.h"
#include "phones/UserSearchDialog.h"
#include "store/Store.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QGroupBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace centrale;

class TestPhonesPanel : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    Translations m_translations;
    int m_storeNumber = 0;

    static PhonesPage *page(MainWindow &w) { return w.findChild<PhonesPage *>(QStringLiteral("phonesPage")); }
    static PhoneDetail *detail(MainWindow &w) { return w.findChild<PhoneDetail *>(QStringLiteral("phoneDetail")); }
    static TablePanel *panel(MainWindow &w) { return w.panel(MainWindow::Page::Phones); }

    static void fetchAll(TablePanel *p)
    {
        while (p->model()->canFetchMore({}))
            p->model()->fetchMore({});
    }

    bool select(MainWindow &w, const QString &mac)
    {
        auto phone = m_store->phones.findByMac(mac);
        if (!phone)
            return false;
        fetchAll(panel(w));
        return panel(w)->selectId(phone->id);
    }

    SipPhone phone(const QString &mac) { return m_store->phones.findByMac(mac).value(); }

    // The list's "Changes" column for the phone.
    static QString pendingText(MainWindow &w, const QString &id)
    {
        PagedTableModel *m = panel(w)->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            if (m->idAt(r) == id)
                return m->index(r, PhonesModel::Pending).data().toString();
        }
        return {};
    }

    SipPhone addPhone(const QString &mac, const QString &model, const QString &address)
    {
        SipPhone p;
        p.mac = mac;
        p.model = model;
        p.ownerId = m_store->users.findByUsername(QStringLiteral("user.3@domaincustomer.be")).value().id;
        p.sipAddress = address;
        const SipPhone created = m_store->phones.create(p).value();
        // A phone just set up has not received its settings yet.
        if (!m_store->phones.setPendingPush(created.id, true))
            qWarning("cannot mark the phone");
        return m_store->phones.get(created.id).value();
    }

    static void fillNumber(KeyDialog *d, const QString &name, const QString &number)
    {
        d->setChoice(KeyDialog::Choice::External);
        d->displayNameEdit()->setText(name);
        d->numberEdit()->clear();
        QTest::keyClicks(d->numberEdit(), number);
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
        qunsetenv("CENTRALE_SIP_T1_MS");
    }

    void listAndKeys()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Phones);
        QAbstractItemModelTester listTester(panel(w)->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester keysTester(detail(w)->keysModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        PagedTableModel *m = panel(w)->model();
        QCOMPARE(m->headerData(PhonesModel::Mac, Qt::Horizontal).toString(), QStringLiteral("MAC address"));
        QCOMPARE(m->headerData(PhonesModel::Pending, Qt::Horizontal).toString(), QStringLiteral("Changes"));
        QVERIFY(select(w, QStringLiteral("000413000000")));
        const SipPhone p = phone(QStringLiteral("000413000000"));
        QCOMPARE(detail(w)->phoneId(), p.id);
        QCOMPARE(pendingText(w, p.id), QStringLiteral("Up to date"));
        // Every key of the model, the demo's two own keys first.
        PhoneKeysModel *keys = detail(w)->keysModel();
        QCOMPARE(keys->rowCount(), SipPhone::keyCount(p.model));
        QCOMPARE(keys->index(0, PhoneKeysModel::Type).data().toString(), QStringLiteral("Extension"));
        QCOMPARE(keys->index(1, PhoneKeysModel::Label).data().toString(), QStringLiteral("Taxi Verts"));
        QCOMPARE(keys->index(1, PhoneKeysModel::Value).data().toString(), QStringLiteral("+32 2 349 49 49"));
        QCOMPARE(keys->index(1, PhoneKeysModel::Source).data().toString(), QStringLiteral("This phone"));
        // Several phones can be selected.
        panel(w)->selectIds({m->idAt(0), m->idAt(1), m->idAt(2)});
        QCOMPARE(page(w)->selectedIds().size(), 3);
    }

    void programAnExtensionThroughTheSearch()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Phones);
        QAbstractItemModelTester keysTester(detail(w)->keysModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(select(w, QStringLiteral("000413000000")));
        const User colleague = m_store->users.findByUsername(QStringLiteral("user.7@domaincustomer.be")).value();
        QVERIFY(detail(w)->selectKey(6));
        QPointer<KeyDialog> d = detail(w)->editSelectedKey();
        QVERIFY(d);
        QCOMPARE(d->choice(), KeyDialog::Choice::Empty);
        d->setChoice(KeyDialog::Choice::Extension);
        QVERIFY(!d->okButton()->isEnabled()); // no colleague yet

        // The magnifier: by username, then by name, then by number.
        QTest::mouseClick(d->findChild<QToolButton *>(QStringLiteral("keyFindColleague")), Qt::LeftButton);
        QPointer<UserSearchDialog> search = d->findChild<UserSearchDialog *>(QStringLiteral("userSearchDialog"));
        QVERIFY(search);
        QTRY_VERIFY(search->isVisible());
        QTest::keyClicks(search->searchEdit(), QStringLiteral("user.7@"));
        QCOMPARE(search->results()->rowCount(), 1);
        QCOMPARE(search->selectedUserId(), colleague.id);
        auto listed = [&search, &colleague] {
            for (int r = 0; r < search->results()->rowCount(); ++r) {
                if (search->results()->item(r, 1)->text() == colleague.username)
                    return true;
            }
            return false;
        };
        search->searchEdit()->setText(colleague.lastName); // may hold accents: keyClicks types ASCII only
        QVERIFY(listed());
        if (!colleague.directNumber.isEmpty()) {
            // As people type it: the national form, with spaces.
            search->searchEdit()->setText(
                QStringLiteral("0") + colleague.directNumber.mid(3, 1) + QLatin1Char(' ') + colleague.directNumber.mid(4));
            QVERIFY2(listed(), qPrintable(search->searchEdit()->text()));
        }
        search->searchEdit()->setText(colleague.username);
        QCOMPARE(search->selectedUserId(), colleague.id);
        QTest::mouseClick(search->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(!search);
        QCOMPARE(d->colleagueEdit()->text(), colleague.displayName());
        QVERIFY(d->okButton()->isEnabled());
        QTest::mouseClick(d->okButton(), Qt::LeftButton);
        QTRY_VERIFY(!d);

        const SipPhone after = phone(QStringLiteral("000413000000"));
        QVERIFY(after.ownKey(6));
        QCOMPARE(after.ownKey(6)->type, PhoneKey::Type::Extension);
        QCOMPARE(after.ownKey(6)->userId, colleague.id);
        QVERIFY(after.pendingPush);
        PhoneKeysModel *keys = detail(w)->keysModel();
        const int row = keys->rowOfIndex(6);
        QCOMPARE(keys->index(row, PhoneKeysModel::Type).data().toString(), QStringLiteral("Extension"));
        QCOMPARE(keys->index(row, PhoneKeysModel::Label).data().toString(), colleague.displayName());
        QCOMPARE(pendingText(w, after.id), QStringLiteral("Changes waiting"));
    }

    void programAPhoneNumber()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Phones);
        QVERIFY(select(w, QStringLiteral("000413000000")));
        const int outboxBefore = m_store->outbox.count().value();
        QPointer<KeyDialog> d = detail(w)->editKey(7);
        QVERIFY(d);
        fillNumber(d, QStringLiteral("Boulangerie"), QStringLiteral("12345"));
        d->displayNameEdit()->setText(QStringLiteral("Boulangerie Lefèvre"));
        QVERIFY(!d->okButton()->isEnabled());
        QVERIFY(!d->numberHint()->text().isEmpty());
        QVERIFY(!d->numberHint()->text().startsWith(QStringLiteral("Saved as")));
        QTest::mouseClick(d->okButton(), Qt::LeftButton);
        QVERIFY(d && d->isVisible());
        QVERIFY(!phone(QStringLiteral("000413000000")).ownKey(7));
        QCOMPARE(m_store->outbox.count().value(), outboxBefore);

        d->numberEdit()->clear();
        QTest::keyClicks(d->numberEdit(), QStringLiteral("02 345 67 89"));
        QCOMPARE(d->numberHint()->text(), QStringLiteral("Saved as +3223456789"));
        QVERIFY(d->okButton()->isEnabled());
        QTest::mouseClick(d->okButton(), Qt::LeftButton);
        QTRY_VERIFY(!d);
        const SipPhone saved = phone(QStringLiteral("000413000000"));
        const PhoneKey *k = saved.ownKey(7);
        QVERIFY(k);
        QCOMPARE(k->type, PhoneKey::Type::External);
        QCOMPARE(k->number, QStringLiteral("+3223456789"));
        QCOMPARE(k->displayName, QStringLiteral("Boulangerie Lefèvre"));
        const int row = detail(w)->keysModel()->rowOfIndex(7);
        QCOMPARE(detail(w)->keysModel()->index(row, PhoneKeysModel::Value).data().toString(), QStringLiteral("+32 2 345 67 89"));
    }

    void overrideAnInheritedKeyThenInherit()
    {
        // A phone whose owner's group template programs key 3.
        QString mac;
        const QList<SipPhone> all = m_store->phones.list().value();
        for (const SipPhone &p : all) {
            const QList<EffectiveKey> keys = m_store->phones.effectiveKeys(p).value();
            if (keys.size() > 4 && keys.at(2).inherited() && keys.at(3).inherited()) {
                mac = p.mac;
                break;
            }
        }
        QVERIFY(!mac.isEmpty());
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Phones);
        QAbstractItemModelTester keysTester(detail(w)->keysModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(select(w, mac));
        PhoneKeysModel *keys = detail(w)->keysModel();
        const EffectiveKey inherited = keys->keyAt(keys->rowOfIndex(3));
        QVERIFY(inherited.inherited());
        QVERIFY(keys->index(2, PhoneKeysModel::Type).data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(keys->index(2, PhoneKeysModel::Source).data().toString().startsWith(QStringLiteral("Inherited from template ")));
        QVERIFY(keys->index(2, PhoneKeysModel::Source).data().toString().contains(inherited.templateName));

        QPointer<KeyDialog> d = detail(w)->editKey(3);
        QVERIFY(d);
        QCOMPARE(d->choice(), KeyDialog::Choice::Inherit);
        fillNumber(d, QStringLiteral("Reception"), QStringLiteral("+32 2 345 67 00"));
        QVERIFY(d->okButton()->isEnabled());
        QTest::mouseClick(d->okButton(), Qt::LeftButton);
        QTRY_VERIFY(!d);
        // Key 3 is the phone's own; key 4 still comes from the template.
        EffectiveKey own = keys->keyAt(keys->rowOfIndex(3));
        QCOMPARE(own.source, EffectiveKey::Source::Phone);
        QVERIFY(own.overridesTemplate);
        QVERIFY(!keys->index(2, PhoneKeysModel::Type).data(Qt::FontRole).value<QFont>().italic());
        QCOMPARE(keys->index(2, PhoneKeysModel::Source).data().toString(),
            QStringLiteral("This phone (replaces template %1)").arg(inherited.templateName));
        QVERIFY(keys->keyAt(keys->rowOfIndex(4)).inherited());
        QVERIFY(phone(mac).ownKey(3));

        // "Inherit" gives the key back to the template.
        QVERIFY(detail(w)->selectKey(3));
        auto *inherit = detail(w)->findChild<QPushButton *>(QStringLiteral("inheritKey"));
        QVERIFY(inherit->isEnabled());
        QTest::mouseClick(inherit, Qt::LeftButton);
        QVERIFY(!phone(mac).ownKey(3));
        QVERIFY(keys->keyAt(keys->rowOfIndex(3)).inherited());
        QCOMPARE(keys->keyAt(keys->rowOfIndex(3)).key, inherited.key);
        QVERIFY(!inherit->isEnabled());
    }

    void templatesCreatedAndAttached()
    {
        // The owner of the first phone joins a new group Reception (which has no template yet).
        const SipPhone target = phone(QStringLiteral("000413000000"));
        UserGroup reception;
        reception.name = QStringLiteral("Reception");
        const QString receptionId = m_store->groups.create(reception).value().id;
        QCOMPARE(m_store->users.addToGroup({target.ownerId}, receptionId).value(), 1);
        QVERIFY(m_store->phones.setPendingPush(target.id, false));

        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Phones);
        QVERIFY(select(w, target.mac));
        QPointer<KeyTemplatesDialog> t = page(w)->openKeyTemplates();
        QVERIFY(t);
        QAbstractItemModelTester keysTester(t->keysModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(t->templateList()->count(), 2); // the demo's Sales keys and Support keys
        QTest::mouseClick(t->findChild<QPushButton *>(QStringLiteral("newTemplate")), Qt::LeftButton);
        QCOMPARE(t->templateList()->count(), 3);
        QCOMPARE(t->nameEdit()->text(), QStringLiteral("New template"));
        t->nameEdit()->clear();
        QTest::keyClicks(t->nameEdit(), QStringLiteral("Reception keys"));
        QTest::mouseClick(t->findChild<QPushButton *>(QStringLiteral("renameTemplate")), Qt::LeftButton);
        const QString templateId = m_store->templates.findByName(QStringLiteral("Reception keys")).value().id;
        QCOMPARE(t->currentId(), templateId);

        QPointer<KeyDialog> d = t->addKey();
        QVERIFY(d);
        d->indexBox()->setValue(9);
        fillNumber(d, QStringLiteral("Taxi"), QStringLiteral("02 349 49 49"));
        QTest::mouseClick(d->okButton(), Qt::LeftButton);
        QTRY_VERIFY(!d);
        QCOMPARE(t->keysModel()->rowCount(), 1);
        QCOMPARE(m_store->templates.get(templateId).value().key(9)->number, QStringLiteral("+3223494949"));

        // Attach to Reception.
        QListWidgetItem *item = nullptr;
        for (int i = 0; i < t->groupList()->count(); ++i) {
            if (t->groupList()->item(i)->text() == QStringLiteral("Reception"))
                item = t->groupList()->item(i);
        }
        QVERIFY(item);
        item->setCheckState(Qt::Checked);
        QCOMPARE(m_store->templates.get(templateId).value().groupIds, QStringList {receptionId});
        QVERIFY(phone(target.mac).pendingPush);

        // A template deleted after confirmation.
        QVERIFY(t->createTemplate(QStringLiteral("Temporary")));
        auto *box = qobject_cast<QMessageBox *>(t->deleteCurrent());
        QVERIFY(box);
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        QVERIFY(!m_store->templates.findByName(QStringLiteral("Temporary")));
        t->close();
        QTRY_VERIFY(!t);

        // The key appears, inherited, on the member's phone.
        PhoneKeysModel *keys = detail(w)->keysModel();
        const EffectiveKey k9 = keys->keyAt(keys->rowOfIndex(9));
        QVERIFY(k9.inherited());
        QCOMPARE(k9.templateName, QStringLiteral("Reception keys"));
        QCOMPARE(keys->index(keys->rowOfIndex(9), PhoneKeysModel::Source).data().toString(),
            QStringLiteral("Inherited from template Reception keys (group Reception)"));
        QCOMPARE(pendingText(w, target.id), QStringLiteral("Changes waiting"));
    }

    void bulkKeyAndTemplateOnThreePhones()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Phones);
        fetchAll(panel(w));
        PagedTableModel *m = panel(w)->model();
        QStringList ids;
        for (int r = 0; r < m->rowCount() && ids.size() < 3; ++r) {
            if (SipPhone::keyCount(m->index(r, PhonesModel::Model).data().toString()) >= 12)
                ids << m->idAt(r);
        }
        QCOMPARE(ids.size(), 3);
        panel(w)->selectIds(ids);
        QCOMPARE(page(w)->selectedIds().size(), 3);
        QPointer<KeyDialog> d = page(w)->applyKeyToSelected();
        QVERIFY(d);
        d->indexBox()->setValue(10);
        fillNumber(d, QStringLiteral("Pharmacie"), QStringLiteral("+32 9 234 56 78"));
        QTest::mouseClick(d->okButton(), Qt::LeftButton);
        QTRY_VERIFY(!d);
        for (const QString &id : std::as_const(ids)) {
            const SipPhone p = m_store->phones.get(id).value();
            QVERIFY(p.ownKey(10));
            QCOMPARE(p.ownKey(10)->number, QStringLiteral("+3292345678"));
            QVERIFY(p.pendingPush);
            QCOMPARE(pendingText(w, id), QStringLiteral("Changes waiting"));
        }
        QCOMPARE(page(w)->selectedIds().size(), 3); // the selection stays

        // A template's keys copied on the three phones.
        QPointer<QInputDialog> choose = page(w)->applyTemplateToSelected();
        QVERIFY(choose);
        choose->setTextValue(QStringLiteral("Support keys"));
        choose->accept();
        const KeyTemplate support = m_store->templates.findByName(QStringLiteral("Support keys")).value();
        for (const QString &id : std::as_const(ids)) {
            const SipPhone p = m_store->phones.get(id).value();
            QVERIFY(p.ownKey(5));
            QCOMPARE(*p.ownKey(5), *support.key(5));
            QVERIFY(p.ownKey(10)); // the rest stays
        }
    }

    void saveAndReloadReachesThePhone()
    {
        SippPhone sipp(m_dir.path(), QStringLiteral("check-sync-reboot-false.xml"));
        QVERIFY(sipp.start());
        const SipPhone p
            = addPhone(QStringLiteral("000413AA0201"), QStringLiteral("Snom D735"), QStringLiteral("127.0.0.1:%1").arg(sipp.port()));
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Phones);
        QVERIFY(select(w, p.mac));
        QCOMPARE(pendingText(w, p.id), QStringLiteral("Changes waiting"));
        QVERIFY(page(w)->saveAndReloadAction()->isEnabled());
        page(w)->saveAndReloadAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(page(w)->resultsDialog(), 30000);
        ReloadResultsDialog *results = page(w)->resultsDialog();
        QVERIFY(results->isVisible());
        QCOMPARE(results->table()->rowCount(), 1);
        QCOMPARE(results->table()->item(0, ReloadResultsDialog::Mac)->text(), QStringLiteral("00:04:13:AA:02:01"));
        QCOMPARE(results->table()->item(0, ReloadResultsDialog::Result)->text(), QStringLiteral("reloaded"));
        QVERIFY2(sipp.passed(), qPrintable(sipp.diagnostics()));
        QVERIFY(!phone(p.mac).pendingPush);
        QCOMPARE(pendingText(w, p.id), QStringLiteral("Up to date"));
        QVERIFY(QFile::exists(QDir(PhoneProvisioning::directoryFor(m_store->path())).filePath(QStringLiteral("000413AA0201.xml"))));
    }

    void unreachablePhoneKeepsItsChanges()
    {
        qputenv("CENTRALE_SIP_T1_MS", "50"); // Timer F ends the wait after 64 × T1
        const quint16 closed = freeUdpPort();
        QVERIFY(closed != 0);
        const SipPhone p
            = addPhone(QStringLiteral("000413AA0202"), QStringLiteral("Snom D735"), QStringLiteral("127.0.0.1:%1").arg(closed));
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Phones);
        QVERIFY(select(w, p.mac));
        QVERIFY(page(w)->reloadPhones({p.id}));
        QVERIFY(page(w)->progressDialog());
        QTRY_VERIFY_WITH_TIMEOUT(page(w)->resultsDialog(), 30000);
        ReloadResultsDialog *results = page(w)->resultsDialog();
        QCOMPARE(results->table()->item(0, ReloadResultsDialog::Result)->text(), QStringLiteral("no answer"));
        QVERIFY(results->summary().contains(QStringLiteral("stay waiting")));
        QVERIFY(phone(p.mac).pendingPush);
        QCOMPARE(pendingText(w, p.id), QStringLiteral("Changes waiting"));
    }

    void reloadOfSeveralPhonesCancelled()
    {
        // The first phone receives the request and never answers: it is still in flight when Cancel
        // is pressed (Timer F = 64 × T1 = 3.2 s). The others are never asked.
        qputenv("CENTRALE_SIP_T1_MS", "50");
        SippPhone silent(m_dir.path(), QStringLiteral("silent.xml"));
        QVERIFY(silent.start());
        QStringList ids;
        for (int i = 0; i < 3; ++i) {
            const quint16 port = i == 0 ? silent.port() : freeUdpPort();
            const QString address = QStringLiteral("127.0.0.1:%1").arg(port);
            ids << addPhone(QStringLiteral("000413AA030%1").arg(i), QStringLiteral("Yealink T54W"), address).id;
        }
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Phones);
        fetchAll(panel(w));
        panel(w)->selectIds(ids);
        QCOMPARE(page(w)->selectedIds(), ids);
        page(w)->saveAndReloadAction()->trigger();
        QPointer<QProgressDialog> progress = page(w)->progressDialog();
        QVERIFY(progress);
        QTRY_VERIFY(progress->isVisible());
        QCOMPARE(progress->maximum(), 3);
        QVERIFY(page(w)->reloadQueue()->isRunning());
        QVERIFY(!page(w)->saveAndReloadAction()->isEnabled()); // one reload at a time
        QTest::qWait(300); // the first phone is asked
        auto *cancel = progress->findChild<QPushButton *>();
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page(w)->resultsDialog(), 30000);
        ReloadResultsDialog *results = page(w)->resultsDialog();
        QCOMPARE(results->table()->rowCount(), 3);
        // The phones not asked yet keep their changes, as does the one that did not answer.
        QCOMPARE(results->table()->item(0, ReloadResultsDialog::Result)->text(), QStringLiteral("no answer"));
        QCOMPARE(results->table()->item(1, ReloadResultsDialog::Result)->text(), QStringLiteral("changes waiting"));
        QCOMPARE(results->table()->item(2, ReloadResultsDialog::Result)->text(), QStringLiteral("changes waiting"));
        for (const QString &id : std::as_const(ids)) {
            QVERIFY(m_store->phones.get(id).value().pendingPush);
            QCOMPARE(pendingText(w, id), QStringLiteral("Changes waiting"));
        }
        QTRY_VERIFY(!progress);
        QVERIFY(page(w)->saveAndReloadAction()->isEnabled());
    }

    void provisioningFile()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Phones);
        QVERIFY(select(w, QStringLiteral("000413000000"))); // Snom D735
        QPointer<QDialog> d = page(w)->showProvisioningFile();
        QVERIFY(d);
        QVERIFY(d->windowTitle().contains(QStringLiteral("000413000000.xml")));
        auto *text = d->findChild<QPlainTextEdit *>(QStringLiteral("provisioningText"));
        QVERIFY(text->isReadOnly());
        QVERIFY(text->toPlainText().contains(QStringLiteral("<functionKeys")));
        QVERIFY(text->toPlainText().contains(QStringLiteral("Taxi Verts")));
        d->close();
        QTRY_VERIFY(!d);
        // A model no renderer knows: the reason, in a message.
        QVERIFY(select(w, QStringLiteral("000413000003"))); // Mitel 6867i
        QVERIFY(!page(w)->showProvisioningFile());
        QTRY_VERIFY(w.findChild<QMessageBox *>(QStringLiteral("phonesMessage")));
        QVERIFY(w.findChild<QMessageBox *>(QStringLiteral("phonesMessage"))->text().contains(QStringLiteral("Mitel 6867i")));
    }

    void frenchAndDutch()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Phones);
        QVERIFY(select(w, QStringLiteral("000413000000")));
        PhoneKeysModel *keys = detail(w)->keysModel();
        w.setLanguage(QStringLiteral("fr"));
        QTRY_COMPARE(page(w)->saveAndReloadAction()->text(), QStringLiteral("Enregistrer et recharger"));
        QCOMPARE(keys->headerData(PhoneKeysModel::Index, Qt::Horizontal).toString(), QStringLiteral("Touche"));
        QTRY_COMPARE(panel(w)->model()->headerData(PhonesModel::Mac, Qt::Horizontal).toString(), QStringLiteral("Adresse MAC"));
        QTRY_COMPARE(keys->index(1, PhoneKeysModel::Source).data().toString(), QStringLiteral("Ce téléphone"));
        QTRY_COMPARE(w.findChild<QGroupBox *>(QStringLiteral("phoneKeysBox"))->title(), QStringLiteral("Touches du téléphone sélectionné"));
        w.setLanguage(QStringLiteral("nl"));
        QTRY_COMPARE(page(w)->saveAndReloadAction()->text(), QStringLiteral("Opslaan en herladen"));
        QCOMPARE(keys->headerData(PhoneKeysModel::Index, Qt::Horizontal).toString(), QStringLiteral("Toets"));
        QTRY_COMPARE(keys->index(1, PhoneKeysModel::Source).data().toString(), QStringLiteral("Dit toestel"));
        w.setLanguage(QStringLiteral("en"));
        QTRY_COMPARE(page(w)->saveAndReloadAction()->text(), QStringLiteral("Save and reload"));
    }
};

QTEST_MAIN(TestPhonesPanel)
#include "tst_phones_panel.moc"
