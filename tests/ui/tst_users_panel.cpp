// User administration › Users on the demo organisation: "Edit user…" through the dialog (names,
// a free direct number from the pool, groups, an invalid mobile refused, a new mobile number then
// the offer to send the welcome message), photos of several sizes and formats cropped to 400x400,
// password and PIN resets, the welcome message window, group changes on a selection, the filter on
// one column, and CSV import (with its report of rejected rows) and export from the panel.
#include "common/CsvActions.h"
#include "common/CsvImportDialog.h"
#include "common/PagedTableModel.h"
#include "common/TablePanel.h"
#include "demo/DemoGenerator.h"
#include "i18n/Translations.h"
#include "main/MainWindow.h"
#include "security/Secrets.h"
#include "store/Store.h"
#include "users/PasswordDialog.h"
#include "users/PinDialog.h"
#include "users/UserDialog.h"
#include "users/UserPhoto.h"
#include "users/UsersModel.h"
#include "users/UsersPage.h"
#include "users/WelcomeDialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QImageWriter>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace centrale;

class TestUsersPanel : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    Translations m_translations;
    int m_storeNumber = 0;

    static UsersPage *page(MainWindow &w) { return w.findChild<UsersPage *>(QStringLiteral("usersPage")); }
    static TablePanel *panel(MainWindow &w) { return w.panel(MainWindow::Page::Users); }

    bool select(MainWindow &w, const QString &username)
    {
        auto user = m_store->users.findByUsername(username);
        if (!user)
            return false;
        PagedTableModel *m = panel(w)->model();
        while (m->canFetchMore({}))
            m->fetchMore({});
        return panel(w)->selectId(user->id);
    }

    template <typename T>
    static T *visible(MainWindow &w, const QString &name)
    {
        for (T *candidate : w.findChildren<T *>(name)) {
            if (candidate->isVisible())
                return candidate;
        }
        return nullptr;
    }

    QList<OutboxEntry> outboxOf(const QString &entity)
    {
        QList<OutboxEntry> out;
        const QList<OutboxEntry> pending = m_store->outbox.pending().value();
        for (const OutboxEntry &e : pending) {
            if (e.entity == entity)
                out << e;
        }
        return out;
    }

    QString writeImage(const QString &name, int width, int height, const char *format, Qt::GlobalColor color = Qt::blue)
    {
        QImage image(width, height, QImage::Format_ARGB32);
        image.fill(color);
        // A red square in the centre: it must stay in the middle of the cropped photo.
        const int side = qMin(width, height) / 4;
        for (int y = height / 2 - side / 2; y < height / 2 + side / 2; ++y)
            for (int x = width / 2 - side / 2; x < width / 2 + side / 2; ++x)
                image.setPixelColor(x, y, Qt::red);
        const QString path = m_dir.filePath(name);
        QImageWriter writer(path, format);
        if (!writer.write(image))
            qWarning() << writer.errorString();
        return path;
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

    void cleanup() { m_store.reset(); }

    void editThroughTheDialog()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Users);
        QAbstractItemModelTester tester(panel(w)->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const User before = m_store->users.findByUsername(QStringLiteral("user.5@domaincustomer.be")).value();
        QVERIFY(select(w, before.username));
        QPointer<UserDialog> d = page(w)->editSelected();
        QVERIFY(d);
        QVERIFY(d->isVisible());
        QCOMPARE(d->findChild<QLineEdit *>(QStringLiteral("userFirstName"))->text(), before.firstName);

        auto *first = d->findChild<QLineEdit *>(QStringLiteral("userFirstName"));
        first->clear();
        QTest::keyClicks(first, QStringLiteral("Am"));
        first->insert(QStringLiteral("é")); // keyClicks types ASCII only
        QTest::keyClicks(first, QStringLiteral("lie"));
        auto *email = d->findChild<QLineEdit *>(QStringLiteral("userEmail"));
        email->clear();
        QTest::keyClicks(email, QStringLiteral("amelie@example.be"));

        // « Répertorier les numéros disponibles »: the free numbers, and the user's current one.
        d->listAvailableNumbers();
        QComboBox *numbers = d->numberBox();
        const auto free = m_store->numbers.list({}, true).value();
        QVERIFY(!free.isEmpty());
        QCOMPARE(numbers->count(), int(free.size()) + (before.directNumber.isEmpty() ? 1 : 2));
        const PoolNumber chosen = free.at(free.size() / 2);
        numbers->setCurrentIndex(numbers->findData(chosen.id));

        // Join one more group.
        QListWidget *groups = d->groupList();
        int unticked = -1;
        for (int i = 0; i < groups->count(); ++i) {
            if (groups->item(i)->checkState() == Qt::Unchecked) {
                unticked = i;
                break;
            }
        }
        QVERIFY(unticked >= 0);
        const QString joined = groups->item(unticked)->text();
        groups->item(unticked)->setCheckState(Qt::Checked);

        const int outboxBefore = m_store->outbox.count().value();
        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("saveUser")), Qt::LeftButton);
        QTRY_VERIFY(!d);
        const User after = m_store->users.get(before.id).value();
        QCOMPARE(after.firstName, QStringLiteral("Amélie"));
        QCOMPARE(after.email, QStringLiteral("amelie@example.be"));
        QCOMPARE(after.directNumber, chosen.number);
        QCOMPARE(after.groupIds.size(), before.groupIds.size() + 1);
        QCOMPARE(after.groupIds.mid(0, before.groupIds.size()), before.groupIds); // old groups keep their order
        QCOMPARE(m_store->groups.get(after.groupIds.last()).value().name, joined);
        // The old number went back to the pool.
        if (!before.directNumber.isEmpty())
            QVERIFY(m_store->numbers.findByNumber(before.directNumber).value().isFree());
        QVERIFY(m_store->outbox.count().value() > outboxBefore);
        // The list and the detail show the new values.
        QTRY_COMPARE(panel(w)->model()->index(panel(w)->table()->currentIndex().row(), UsersModel::FirstName).data().toString(),
                     QStringLiteral("Amélie"));
    }

    void invalidValuesAreRefusedAndNothingIsSaved()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Users);
        QVERIFY(select(w, QStringLiteral("user.6@domaincustomer.be")));
        const int outboxBefore = m_store->outbox.count().value();
        QPointer<UserDialog> d = page(w)->editSelected();
        QVERIFY(d);
        auto *mobile = d->findChild<QLineEdit *>(QStringLiteral("userMobile"));
        mobile->clear();
        QTest::keyClicks(mobile, QStringLiteral("02 300 00 00")); // a landline
        QVERIFY(!d->findChild<QLabel *>(QStringLiteral("userMobileHint"))->text().startsWith(QStringLiteral("Saved as")));
        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("saveUser")), Qt::LeftButton);
        QVERIFY(d && d->isVisible());
        QVERIFY(!d->errorText().isEmpty());
        mobile->clear();
        auto *last = d->findChild<QLineEdit *>(QStringLiteral("userLastName"));
        last->clear();
        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("saveUser")), Qt::LeftButton);
        QVERIFY(d && d->isVisible());
        QVERIFY(d->errorText().contains(QStringLiteral("Last name")));
        auto *email = d->findChild<QLineEdit *>(QStringLiteral("userEmail"));
        QTest::keyClicks(last, QStringLiteral("Peeters"));
        email->setText(QStringLiteral("not an address"));
        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("saveUser")), Qt::LeftButton);
        QVERIFY(d && d->isVisible());
        QVERIFY(!d->errorText().isEmpty());
        d->reject();
        QTRY_VERIFY(!d);
        QCOMPARE(m_store->outbox.count().value(), outboxBefore);
    }

    void newMobileOffersTheWelcomeMessage()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Users);
        QVERIFY(select(w, QStringLiteral("user.7@domaincustomer.be")));
        QPointer<UserDialog> d = page(w)->editSelected();
        QVERIFY(d);
        auto *mobile = d->findChild<QLineEdit *>(QStringLiteral("userMobile"));
        mobile->clear();
        QTest::keyClicks(mobile, QStringLiteral("0499 87 65 43"));
        QCOMPARE(d->findChild<QLabel *>(QStringLiteral("userMobileHint"))->text(), QStringLiteral("Saved as +32499876543"));
        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("saveUser")), Qt::LeftButton);
        QTRY_VERIFY(!d);
        QCOMPARE(m_store->users.findByUsername(QStringLiteral("user.7@domaincustomer.be")).value().mobile, QStringLiteral("+32499876543"));
        QMessageBox *offer = visible<QMessageBox>(w, QStringLiteral("offerWelcome"));
        QVERIFY(offer);
        QTest::mouseClick(offer->findChild<QPushButton *>(QStringLiteral("offerWelcomeSend")), Qt::LeftButton);
        QPointer<WelcomeDialog> welcome;
        QTRY_VERIFY((welcome = visible<WelcomeDialog>(w, QStringLiteral("welcomeDialog"))));
        auto *ok = welcome->findChild<QPushButton *>(QStringLiteral("welcomeOk"));
        QVERIFY(!ok->isEnabled()); // nothing chosen yet
        welcome->findChild<QCheckBox *>(QStringLiteral("welcomeMobile"))->setChecked(true);
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        // The status window: queued, by SMS to the new number.
        QTableWidget *status = welcome->statusTable();
        QCOMPARE(status->rowCount(), 1);
        QCOMPARE(status->item(0, 2)->text(), QStringLiteral("Queued: by SMS to +32 499 87 65 43"));
        QVERIFY(welcome->findChild<QLabel *>(QStringLiteral("welcomeSummary"))->text().contains(QStringLiteral("connected to the server")));
        QCOMPARE(outboxOf(QStringLiteral("welcome_message")).size(), 1);
        QTest::mouseClick(ok, Qt::LeftButton); // Close
        QTRY_VERIFY(!welcome);
    }

    void photosOfEverySizeBecome400Square_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<QByteArray>("format");
        QTest::newRow("large landscape PNG") << 1600 << 900 << QByteArray("png");
        QTest::newRow("portrait JPEG") << 300 << 500 << QByteArray("jpeg");
        QTest::newRow("exact JPEG") << 400 << 400 << QByteArray("jpeg");
        QTest::newRow("tiny BMP") << 40 << 30 << QByteArray("bmp");
        QTest::newRow("PPM") << 640 << 480 << QByteArray("ppm");
        QTest::newRow("huge JPEG") << 6000 << 4000 << QByteArray("jpeg");
    }

    void photosOfEverySizeBecome400Square()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(QByteArray, format);
        const QString path = writeImage(QStringLiteral("photo.") + QString::fromLatin1(format), width, height, format.constData());
        auto image = UserPhoto::load(path);
        QVERIFY2(image, image ? "" : image.error().message.toUtf8().constData());
        const QByteArray jpeg = UserPhoto::toJpeg(*image).value();
        QVERIFY(jpeg.startsWith(QByteArray("\xFF\xD8\xFF", 3)));
        QVERIFY(jpeg.size() <= UserRepository::MaxPhotoBytes);
        const QImage back = QImage::fromData(jpeg, "JPEG");
        QCOMPARE(back.size(), QSize(400, 400));
        // The centre stays the centre: red in the middle, blue at the corners.
        QVERIFY(back.pixelColor(200, 200).red() > 200 && back.pixelColor(200, 200).blue() < 60);
        QVERIFY(back.pixelColor(5, 5).blue() > 200);
    }

    void brokenPicturesAreRefusedWithAReason()
    {
        const QString garbage = m_dir.filePath(QStringLiteral("garbage.jpg"));
        QFile f(garbage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a picture at all");
        f.close();
        auto bad = UserPhoto::load(garbage);
        QVERIFY(!bad);
        QVERIFY(bad.error().message.contains(QStringLiteral("garbage.jpg")));
        // A JPEG cut short after its header.
        const QString whole = writeImage(QStringLiteral("whole.jpg"), 800, 600, "jpeg");
        QFile in(whole);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray bytes = in.readAll().left(20);
        auto truncated = UserPhoto::fromData(bytes);
        QVERIFY(!truncated);
        QVERIFY(!UserPhoto::load(m_dir.filePath(QStringLiteral("missing.png"))));
    }

    void photoThroughTheDialog()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Users);
        const User user = m_store->users.findByUsername(QStringLiteral("user.8@domaincustomer.be")).value();
        QVERIFY(select(w, user.username));
        QPointer<UserDialog> d = page(w)->editSelected();
        QVERIFY(d);
        QVERIFY(!d->choosePhotoFile(m_dir.filePath(QStringLiteral("missing.png"))));
        QVERIFY(!d->errorText().isEmpty());
        QVERIFY(d->choosePhotoFile(writeImage(QStringLiteral("me.png"), 1200, 800, "png")));
        QVERIFY(d->errorText().isEmpty());
        QCOMPARE(d->photoPreview().size(), QSize(400, 400));
        QVERIFY(!d->findChild<QLabel *>(QStringLiteral("userPhoto"))->pixmap().isNull());
        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("saveUser")), Qt::LeftButton);
        QTRY_VERIFY(!d);
        const QByteArray stored = m_store->users.photo(user.id).value();
        QCOMPARE(QImage::fromData(stored, "JPEG").size(), QSize(400, 400));
        QCOMPARE(outboxOf(QStringLiteral("user_photo")).size(), 1);
    }

    void passwordAndPinResets()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Users);
        const User user = m_store->users.findByUsername(QStringLiteral("user.9@domaincustomer.be")).value();
        QVERIFY(select(w, user.username));
        QPointer<UserDialog> d = page(w)->editSelected();
        QVERIFY(d);

        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("resetPassword")), Qt::LeftButton);
        QPointer<PasswordDialog> pw = d->findChild<PasswordDialog *>(QStringLiteral("passwordDialog"));
        QVERIFY(pw);
        pw->findChild<QRadioButton *>(QStringLiteral("choosePassword"))->setChecked(true);
        QTest::keyClicks(pw->findChild<QLineEdit *>(QStringLiteral("newPassword")), QStringLiteral("Tulip-Garden-77"));
        QTest::keyClicks(pw->findChild<QLineEdit *>(QStringLiteral("confirmPassword")), QStringLiteral("Tulip-Garden-78"));
        QTest::mouseClick(pw->findChild<QPushButton *>(QStringLiteral("resetPasswordButton")), Qt::LeftButton);
        QVERIFY(pw && pw->errorText().contains(QStringLiteral("differ")));
        pw->findChild<QLineEdit *>(QStringLiteral("newPassword"))->setText(QStringLiteral("short"));
        pw->findChild<QLineEdit *>(QStringLiteral("confirmPassword"))->setText(QStringLiteral("short"));
        QTest::mouseClick(pw->findChild<QPushButton *>(QStringLiteral("resetPasswordButton")), Qt::LeftButton);
        QVERIFY(pw && pw->errorText().contains(QStringLiteral("10 characters")));
        QVERIFY(outboxOf(QStringLiteral("user_password")).isEmpty());
        // The generated one.
        pw->findChild<QRadioButton *>(QStringLiteral("generatePassword"))->setChecked(true);
        const QString generated = pw->findChild<QLineEdit *>(QStringLiteral("generatedPassword"))->text();
        QCOMPARE(generated.size(), 14);
        QTest::mouseClick(pw->findChild<QPushButton *>(QStringLiteral("generateAnother")), Qt::LeftButton);
        const QString another = pw->findChild<QLineEdit *>(QStringLiteral("generatedPassword"))->text();
        QVERIFY(another != generated);
        QTest::mouseClick(pw->findChild<QPushButton *>(QStringLiteral("resetPasswordButton")), Qt::LeftButton);
        QTRY_VERIFY(!pw);
        const auto passwords = outboxOf(QStringLiteral("user_password"));
        QCOMPARE(passwords.size(), 1);
        QVERIFY(Secrets::verify(passwords.first().payload.value(QStringLiteral("passwordHash")).toString(), another));

        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("resetPin")), Qt::LeftButton);
        QPointer<PinDialog> pin = d->findChild<PinDialog *>(QStringLiteral("pinDialog"));
        QVERIFY(pin);
        // Only digits can be typed.
        QTest::keyClicks(pin->findChild<QLineEdit *>(QStringLiteral("newPin")), QStringLiteral("12ab34"));
        QCOMPARE(pin->findChild<QLineEdit *>(QStringLiteral("newPin"))->text(), QStringLiteral("1234"));
        QTest::keyClicks(pin->findChild<QLineEdit *>(QStringLiteral("confirmPin")), QStringLiteral("1235"));
        QTest::mouseClick(pin->findChild<QPushButton *>(QStringLiteral("resetPinButton")), Qt::LeftButton);
        QVERIFY(pin && pin->errorText().contains(QStringLiteral("differ")));
        pin->findChild<QLineEdit *>(QStringLiteral("newPin"))->setText(QStringLiteral("12"));
        pin->findChild<QLineEdit *>(QStringLiteral("confirmPin"))->setText(QStringLiteral("12"));
        QTest::mouseClick(pin->findChild<QPushButton *>(QStringLiteral("resetPinButton")), Qt::LeftButton);
        QVERIFY(pin && pin->errorText().contains(QStringLiteral("4 to 8 digits")));
        QTest::mouseClick(pin->findChild<QPushButton *>(QStringLiteral("generatePin")), Qt::LeftButton);
        const QString newPin = pin->findChild<QLineEdit *>(QStringLiteral("newPin"))->text();
        QCOMPARE(newPin.size(), 6);
        QTest::mouseClick(pin->findChild<QPushButton *>(QStringLiteral("resetPinButton")), Qt::LeftButton);
        QTRY_VERIFY(!pin);
        QVERIFY(Secrets::verify(m_store->users.get(user.id).value().pinHash, newPin));
        d->reject();
    }

    void deskPhonesAreShown()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Users);
        SipPhone owned;
        const QList<SipPhone> all = m_store->phones.list({}).value();
        for (const SipPhone &p : all) {
            if (!p.ownerId.isEmpty()) {
                owned = p;
                break;
            }
        }
        QVERIFY(!owned.id.isEmpty());
        QVERIFY(panel(w)->selectId(owned.ownerId) || select(w, m_store->users.get(owned.ownerId).value().username));
        QPointer<UserDialog> d = page(w)->editSelected();
        QVERIFY(d);
        QListWidget *phones = d->phoneList();
        int row = -1;
        for (int i = 0; i < phones->count(); ++i) {
            if (phones->item(i)->text().contains(SipPhone::formatMac(owned.mac)))
                row = i;
        }
        QVERIFY(row >= 0);
        phones->setCurrentRow(row);
        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("showPhone")), Qt::LeftButton);
        QMessageBox *settings = visible<QMessageBox>(w, QStringLiteral("phoneSettings"));
        QVERIFY(settings);
        QVERIFY(settings->text().contains(QStringLiteral("MAC address: ") + SipPhone::formatMac(owned.mac)));
        settings->close();
        d->reject();
    }

    void groupChangesOnASelection()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Users);
        QTableView *table = panel(w)->table();
        QCOMPARE(table->selectionMode(), QAbstractItemView::ExtendedSelection);
        table->clearSelection();
        for (int r : {1, 2, 3})
            table->selectionModel()->select(panel(w)->model()->index(r, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QStringList ids = page(w)->selectedIds();
        QCOMPARE(ids.size(), 3);
        QVERIFY(page(w)->addToGroupAction()->isEnabled());
        const UserGroup group = m_store->groups.findByName(QStringLiteral("Support")).value();
        QPointer<QInputDialog> choose = page(w)->addSelectedToGroup();
        QVERIFY(choose);
        QVERIFY(choose->comboBoxItems().contains(QStringLiteral("Support")));
        choose->setTextValue(QStringLiteral("Support"));
        choose->accept();
        QTRY_VERIFY(!choose);
        for (const QString &id : ids)
            QVERIFY(m_store->users.get(id).value().groupIds.contains(group.id));
        choose = page(w)->removeSelectedFromGroup();
        QVERIFY(choose);
        choose->setTextValue(QStringLiteral("Support"));
        choose->accept();
        QTRY_VERIFY(!choose);
        for (const QString &id : ids)
            QVERIFY(!m_store->users.get(id).value().groupIds.contains(group.id));
        // And a welcome message for all three at once.
        QPointer<WelcomeDialog> welcome = page(w)->sendWelcomeToSelected();
        QVERIFY(welcome);
        welcome->findChild<QCheckBox *>(QStringLiteral("welcomeWeb"))->setChecked(true);
        welcome->accept();
        QCOMPARE(welcome->statusTable()->rowCount(), 3);
        welcome->accept();
        QTRY_VERIFY(!welcome);
    }

    void filterOnOneColumn()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Users);
        auto *model = static_cast<UsersModel *>(panel(w)->model());
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QComboBox *column = page(w)->filterColumnCombo();
        QVERIFY(column->isVisible());
        const int total = model->totalCount();
        column->setCurrentIndex(column->findData(int(UsersModel::Groups)));
        QTest::keyClicks(panel(w)->filterEdit(), QStringLiteral("sales"));
        const int sales = m_store->users.count({}, m_store->groups.findByName(QStringLiteral("Sales")).value().id).value();
        QTRY_COMPARE(model->totalCount(), sales);
        QVERIFY(sales > 0 && sales < total);
        // The same text in every column finds none: group names are not in the free text.
        column->setCurrentIndex(0);
        QTRY_COMPARE(model->totalCount(), m_store->users.count(QStringLiteral("sales")).value());
        panel(w)->filterEdit()->clear();
        QTRY_COMPARE(model->totalCount(), total);
        // The phones column shows each user's desk phones.
        bool phoneShown = false;
        for (int r = 0; r < model->rowCount(); ++r)
            phoneShown = phoneShown || !model->index(r, UsersModel::Phones).data().toString().isEmpty();
        QVERIFY(phoneShown);
    }

    void importWithErrorsShowsTheReport()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Users);
        const int users = m_store->users.count().value();
        const int outbox = m_store->outbox.count().value();
        QPointer<CsvImportDialog> d = page(w)->csv()->importFile(QStringLiteral(CENTRALE_TEST_DATA "/csv/google-sheets-users.csv"));
        QVERIFY(d);
        QSignalSpy planned(d.data(), &CsvImportDialog::planned);
        QVERIFY(planned.wait(20000) || planned.size() == 1);
        QCOMPARE(d->summaryText(), QStringLiteral("To create: 2, to update: 0, unchanged: 0, rejected: 1."));
        QTableWidget *report = d->reportTable();
        QCOMPARE(report->rowCount(), 3);
        // Rejected rows first, with the file's line number and the reason.
        QCOMPARE(report->item(0, 0)->data(Qt::DisplayRole).toInt(), 4);
        QCOMPARE(report->item(0, 1)->text(), QStringLiteral("new.3@domaincustomer.be"));
        QCOMPARE(report->item(0, 2)->text(), QStringLiteral("Rejected"));
        QVERIFY(!report->item(0, 3)->text().isEmpty());
        // Nothing is written while rows are rejected, unless they are skipped.
        QVERIFY(!d->importButton()->isEnabled());
        QCOMPARE(m_store->users.count().value(), users);
        QVERIFY(d->skipRejectedBox()->isVisible());
        d->skipRejectedBox()->setChecked(true);
        QVERIFY(d->importButton()->isEnabled());
        QSignalSpy imported(d.data(), &CsvImportDialog::imported);
        QTest::mouseClick(d->importButton(), Qt::LeftButton);
        QVERIFY(imported.wait(20000) || imported.size() == 1);
        QCOMPARE(imported.first().at(0).toInt(), 2);
        QCOMPARE(m_store->users.count().value(), users + 2);
        QVERIFY(m_store->outbox.count().value() >= outbox + 2);
        QTRY_COMPARE(panel(w)->model()->totalCount(), users + 2);
        const User lotte = m_store->users.findByUsername(QStringLiteral("nieuw.1@domaincustomer.be")).value();
        QCOMPARE(lotte.lastName, QStringLiteral("Van den Broeck, jr."));
        QCOMPARE(lotte.mobile, QStringLiteral("+32477123456"));
        d->reject();
        QTRY_VERIFY(!d);
    }

    void brokenFileSaysWhy()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        QPointer<CsvImportDialog> d = page(w)->csv()->importFile(QStringLiteral(CENTRALE_TEST_DATA "/csv/not-utf8.csv"));
        QSignalSpy failed(d.data(), &CsvImportDialog::failed);
        QVERIFY(failed.wait(20000) || failed.size() == 1);
        QVERIFY(d->errorText().contains(QStringLiteral("UTF-8")));
        QVERIFY(!d->importButton()->isEnabled());
        d->reject();
    }

    void exportFromThePanel()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        const QString path = m_dir.filePath(QStringLiteral("export-%1.csv").arg(m_storeNumber));
        QSignalSpy exported(page(w)->csv(), &CsvActions::exported);
        page(w)->csv()->exportFile(path);
        QVERIFY(exported.wait(20000) || exported.size() == 1);
        QCOMPARE(exported.first().at(1).toString(), QString());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(text.count("\r\n"), m_store->users.count().value() + 1);
        // A folder that does not exist: a clear error, in a message box.
        QSignalSpy failed(page(w)->csv(), &CsvActions::exported);
        page(w)->csv()->exportFile(m_dir.filePath(QStringLiteral("no/such/folder/users.csv")));
        QVERIFY(failed.wait(20000) || failed.size() == 1);
        QVERIFY(!failed.first().at(1).toString().isEmpty());
        QTRY_VERIFY(visible<QMessageBox>(w, QStringLiteral("csvExportError")));
    }

    void languageSwitchRetranslatesTheActions()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.setLanguage(QStringLiteral("fr"));
        // The language change reaches the widgets as a posted event.
        QTRY_COMPARE(page(w)->editAction()->text(), QStringLiteral("Modifier l’utilisateur…"));
        QCOMPARE(page(w)->welcomeAction()->text(), QStringLiteral("Envoyer un message de bienvenue…"));
        QCOMPARE(page(w)->filterColumnCombo()->itemText(0), QStringLiteral("Dans toutes les colonnes"));
        w.setLanguage(QStringLiteral("nl"));
        QTRY_COMPARE(page(w)->editAction()->text(), QStringLiteral("Gebruiker bewerken…"));
        w.setLanguage(QStringLiteral("en"));
        QTRY_COMPARE(page(w)->editAction()->text(), QStringLiteral("Edit user…"));
    }
};

QTEST_MAIN(TestUsersPanel)
#include "tst_users_panel.moc"
