#include "users/UserDialog.h"

#include "domain/PhoneNumbers.h"
#include "i18n/Translations.h"
#include "store/Store.h"
#include "users/PasswordDialog.h"
#include "users/PinDialog.h"
#include "users/UserPhoto.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace centrale {

namespace {
constexpr int IdRole = Qt::UserRole + 1;
constexpr int PreviewSide = 120;
} // namespace

UserDialog::UserDialog(Store &store, const QString &userId, QWidget *parent)
    : QDialog(parent), m_store(store), m_username(new QLabel(this)), m_photoLabel(new QLabel(this)), m_firstName(new QLineEdit(this)),
      m_lastName(new QLineEdit(this)), m_email(new QLineEdit(this)), m_mobile(new QLineEdit(this)), m_mobileHint(new QLabel(this)),
      m_language(new QComboBox(this)), m_number(new QComboBox(this)), m_groups(new QListWidget(this)), m_phones(new QListWidget(this)),
      m_showPhone(new QPushButton(tr("Show"), this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("userDialog"));
    setWindowTitle(tr("Edit user"));
    m_user.id = userId;
    m_firstName->setObjectName(QStringLiteral("userFirstName"));
    m_lastName->setObjectName(QStringLiteral("userLastName"));
    m_email->setObjectName(QStringLiteral("userEmail"));
    m_mobile->setObjectName(QStringLiteral("userMobile"));
    m_mobile->setPlaceholderText(tr("+32 4xx xx xx xx"));
    m_mobileHint->setObjectName(QStringLiteral("userMobileHint"));
    m_mobileHint->setWordWrap(true);
    m_language->setObjectName(QStringLiteral("userLanguage"));
    for (const QString &code : Translations::languages())
        m_language->addItem(Translations::languageName(code), code);
    m_number->setObjectName(QStringLiteral("userDirectNumber"));
    m_groups->setObjectName(QStringLiteral("userGroups"));
    m_phones->setObjectName(QStringLiteral("userPhones"));
    m_showPhone->setObjectName(QStringLiteral("showPhone"));
    m_error->setObjectName(QStringLiteral("userError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    m_photoLabel->setObjectName(QStringLiteral("userPhoto"));
    m_photoLabel->setFixedSize(PreviewSide, PreviewSide);
    m_photoLabel->setAlignment(Qt::AlignCenter);
    m_photoLabel->setFrameShape(QFrame::StyledPanel);

    // Photo and the account's actions.
    auto *choosePhoto = new QPushButton(tr("Load a photo…"), this);
    choosePhoto->setObjectName(QStringLiteral("choosePhoto"));
    choosePhoto->setToolTip(tr("A JPEG, ideally 400×400; any other picture is cropped and scaled to that size."));
    auto *removePhoto = new QPushButton(tr("Remove the photo"), this);
    removePhoto->setObjectName(QStringLiteral("removePhoto"));
    connect(choosePhoto, &QPushButton::clicked, this, &UserDialog::openPhotoFile);
    connect(removePhoto, &QPushButton::clicked, this, [this] {
        m_photo = {};
        m_photoChanged = true;
        m_photoLabel->setPixmap({});
        m_photoLabel->setText(tr("No photo"));
    });
    auto *password = new QPushButton(tr("Reset password…"), this);
    password->setObjectName(QStringLiteral("resetPassword"));
    auto *pin = new QPushButton(tr("Reset PIN…"), this);
    pin->setObjectName(QStringLiteral("resetPin"));
    auto *welcome = new QPushButton(tr("Send welcome message…"), this);
    welcome->setObjectName(QStringLiteral("sendWelcome"));
    connect(password, &QPushButton::clicked, this, [this] {
        auto *d = new PasswordDialog(m_store, m_user.id, this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
    });
    connect(pin, &QPushButton::clicked, this, [this] {
        auto *d = new PinDialog(m_store, m_user.id, this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
    });
    connect(welcome, &QPushButton::clicked, this, [this] { Q_EMIT welcomeRequested(m_user.id); });

    auto *photoColumn = new QVBoxLayout;
    photoColumn->addWidget(m_photoLabel);
    photoColumn->addWidget(choosePhoto);
    photoColumn->addWidget(removePhoto);
    photoColumn->addSpacing(12);
    photoColumn->addWidget(password);
    photoColumn->addWidget(pin);
    photoColumn->addWidget(welcome);
    photoColumn->addStretch(1);

    // The person.
    auto *listNumbers = new QPushButton(tr("List available numbers"), this);
    listNumbers->setObjectName(QStringLiteral("listAvailableNumbers"));
    connect(listNumbers, &QPushButton::clicked, this, [this] {
        listAvailableNumbers();
        m_number->showPopup();
    });
    auto *numberRow = new QHBoxLayout;
    numberRow->addWidget(m_number, 1);
    numberRow->addWidget(listNumbers);
    auto *form = new QFormLayout;
    form->addRow(tr("Username"), m_username);
    form->addRow(tr("First name"), m_firstName);
    form->addRow(tr("Last name"), m_lastName);
    form->addRow(tr("Email"), m_email);
    form->addRow(tr("Mobile number"), m_mobile);
    form->addRow(QString(), m_mobileHint);
    form->addRow(tr("Language"), m_language);
    form->addRow(tr("Direct number"), numberRow);
    connect(m_mobile, &QLineEdit::textChanged, this, &UserDialog::updateMobileHint);

    auto *groupsBox = new QGroupBox(tr("User groups"), this);
    auto *groupsHint = new QLabel(tr("Tick the groups the user belongs to. The first group in the list decides the settings that "
                                     "the user does not set itself."),
                                  groupsBox);
    groupsHint->setWordWrap(true);
    auto *groupsLayout = new QVBoxLayout(groupsBox);
    groupsLayout->addWidget(groupsHint);
    groupsLayout->addWidget(m_groups);

    auto *phonesBox = new QGroupBox(tr("Desk phones"), this);
    auto *phonesLayout = new QHBoxLayout(phonesBox);
    phonesLayout->addWidget(m_phones, 1);
    phonesLayout->addWidget(m_showPhone, 0, Qt::AlignTop);
    connect(m_showPhone, &QPushButton::clicked, this, &UserDialog::showPhone);
    connect(m_phones, &QListWidget::itemDoubleClicked, this, &UserDialog::showPhone);
    connect(m_phones, &QListWidget::currentRowChanged, this, [this](int row) { m_showPhone->setEnabled(row >= 0); });

    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(groupsBox, 1);
    right->addWidget(phonesBox);
    auto *columns = new QHBoxLayout;
    columns->addLayout(photoColumn);
    columns->addLayout(right, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(tr("Save"));
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveUser"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &UserDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &UserDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(760, 640);
    load();
}

void UserDialog::load()
{
    auto user = m_store.users.get(m_user.id);
    if (!user)
        return showError(user.error().message);
    m_user = *user;
    setWindowTitle(tr("Edit user — %1").arg(m_user.displayName()));
    m_username->setText(m_user.username);
    m_firstName->setText(m_user.firstName);
    m_lastName->setText(m_user.lastName);
    m_email->setText(m_user.email);
    m_mobile->setText(PhoneNumbers::formatInternational(m_user.mobile));
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_user.language)));

    m_number->clear();
    m_number->addItem(tr("No direct number"), QString());
    if (!m_user.directNumber.isEmpty()) {
        if (auto current = m_store.numbers.findByNumber(m_user.directNumber); current) {
            m_currentNumberId = current->id;
            m_number->addItem(PhoneNumbers::formatInternational(current->number), current->id);
            m_number->setCurrentIndex(1);
        }
    }

    // Member groups first, in membership order, then the others by name.
    m_groups->clear();
    auto all = m_store.groups.list();
    if (!all)
        return showError(all.error().message);
    QList<UserGroup> ordered;
    for (const QString &gid : std::as_const(m_user.groupIds)) {
        for (const UserGroup &g : std::as_const(*all)) {
            if (g.id == gid)
                ordered << g;
        }
    }
    for (const UserGroup &g : std::as_const(*all)) {
        if (!m_user.groupIds.contains(g.id))
            ordered << g;
    }
    for (const UserGroup &g : std::as_const(ordered)) {
        auto *item = new QListWidgetItem(g.name, m_groups);
        item->setData(IdRole, g.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(m_user.groupIds.contains(g.id) ? Qt::Checked : Qt::Unchecked);
    }

    m_phones->clear();
    if (auto phones = m_store.phones.list({}, m_user.id); phones) {
        for (const SipPhone &p : std::as_const(*phones)) {
            auto *item = new QListWidgetItem(tr("%1 — %2").arg(p.model, SipPhone::formatMac(p.mac)), m_phones);
            item->setData(IdRole, p.id);
        }
    }
    if (m_phones->count() == 0) {
        auto *none = new QListWidgetItem(tr("No desk phone"), m_phones);
        none->setFlags(Qt::NoItemFlags);
    }
    m_showPhone->setEnabled(false);

    if (auto photo = m_store.users.photo(m_user.id); photo && !photo->isEmpty()) {
        if (auto image = UserPhoto::fromData(*photo); image)
            m_photo = *image;
    }
    if (m_photo.isNull())
        m_photoLabel->setText(tr("No photo"));
    else
        m_photoLabel->setPixmap(QPixmap::fromImage(m_photo.scaled(PreviewSide, PreviewSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    updateMobileHint();
}

void UserDialog::listAvailableNumbers()
{
    auto free = m_store.numbers.list({}, true);
    if (!free)
        return showError(free.error().message);
    const QString selected = m_number->currentData().toString();
    // Keep "none" and the current number; add every free one after them.
    while (m_number->count() > (m_currentNumberId.isEmpty() ? 1 : 2))
        m_number->removeItem(m_number->count() - 1);
    for (const PoolNumber &n : std::as_const(*free))
        m_number->addItem(PhoneNumbers::formatInternational(n.number), n.id);
    m_number->setCurrentIndex(qMax(0, m_number->findData(selected)));
    if (free->isEmpty())
        showError(tr("The pool has no free number left."));
}

void UserDialog::updateMobileHint()
{
    const QString typed = m_mobile->text().trimmed();
    if (typed.isEmpty()) {
        m_mobileHint->setText(tr("No mobile number: welcome messages then go by email."));
        m_mobileHint->setStyleSheet({});
        return;
    }
    auto e164 = PhoneNumbers::toE164(typed, PhoneNumbers::Kind::Mobile);
    if (e164) {
        m_mobileHint->setText(tr("Saved as %1").arg(*e164));
        m_mobileHint->setStyleSheet({});
    } else {
        m_mobileHint->setText(e164.error().message);
        m_mobileHint->setStyleSheet(QStringLiteral("color: #b00020;"));
    }
}

bool UserDialog::choosePhotoFile(const QString &path)
{
    auto image = UserPhoto::load(path);
    if (!image) {
        showError(image.error().message);
        return false;
    }
    m_photo = UserPhoto::fit(*image);
    m_photoChanged = true;
    m_photoLabel->setPixmap(QPixmap::fromImage(m_photo.scaled(PreviewSide, PreviewSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    showError({});
    return true;
}

void UserDialog::openPhotoFile()
{
    auto *dialog = new QFileDialog(this, tr("Load a photo"), QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
                                   tr("Pictures (*.jpg *.jpeg *.png *.bmp *.gif *.webp);;All files (*)"));
    dialog->setObjectName(QStringLiteral("photoFileDialog"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { choosePhotoFile(path); });
    dialog->open();
}

void UserDialog::showPhone()
{
    QListWidgetItem *item = m_phones->currentItem();
    if (item && !item->data(IdRole).toString().isEmpty())
        Q_EMIT showPhoneRequested(item->data(IdRole).toString());
}

QString UserDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void UserDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void UserDialog::accept()
{
    User user = m_user;
    user.firstName = m_firstName->text();
    user.lastName = m_lastName->text();
    user.email = m_email->text();
    user.mobile = m_mobile->text();
    user.language = m_language->currentData().toString();
    // Keep the order of the groups the user was already in; newly ticked ones come after.
    QStringList groups;
    for (const QString &gid : std::as_const(m_user.groupIds)) {
        for (int i = 0; i < m_groups->count(); ++i) {
            if (m_groups->item(i)->data(IdRole).toString() == gid && m_groups->item(i)->checkState() == Qt::Checked)
                groups << gid;
        }
    }
    for (int i = 0; i < m_groups->count(); ++i) {
        const QString gid = m_groups->item(i)->data(IdRole).toString();
        if (m_groups->item(i)->checkState() == Qt::Checked && !groups.contains(gid))
            groups << gid;
    }
    user.groupIds = groups;
    if (Status valid = user.normaliseAndValidate(m_store.organisation.current() ? m_store.organisation.current()->domain : QString());
        !valid)
        return showError(valid.error().message);

    QByteArray jpeg;
    if (m_photoChanged && !m_photo.isNull()) {
        auto bytes = UserPhoto::toJpeg(m_photo);
        if (!bytes)
            return showError(bytes.error().message);
        jpeg = *bytes;
    }
    const QString numberId = m_number->currentData().toString();
    const Status saved = m_store.database().transaction([&]() -> Status {
        if (Status s = m_store.users.update(user); !s)
            return s;
        if (numberId != m_currentNumberId) {
            // The old number goes back to the pool: assigning does it, and so does choosing none.
            if (Status s = numberId.isEmpty() ? m_store.numbers.release(m_currentNumberId) : m_store.numbers.assignToUser(numberId, user.id);
                !s)
                return s;
        }
        if (m_photoChanged)
            return m_store.users.setPhoto(user.id, jpeg);
        return {};
    });
    if (!saved)
        return showError(saved.error().message);
    showError({});
    const bool mobileChanged = user.mobile != m_user.mobile && !user.mobile.isEmpty();
    Q_EMIT userSaved(user.id, mobileChanged);
    QDialog::accept();
}

} // namespace centrale
