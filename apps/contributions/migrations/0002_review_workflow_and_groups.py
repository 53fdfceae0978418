"""Creates the groups "Moderatorer" and "Redaktører" (with access to the Wagtail admin) and
the two-step workflow suggested changes go through, assigned to the cookbook if it exists."""

from django.db import migrations

WORKFLOW_NAME = "Fagvurdering → Publisering"
TASKS = ("Fagvurdering", "Publisering")


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    CookbookIndexPage = apps.get_model("cookbook", "CookbookIndexPage")

    admin_ct, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_ct, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    moderators, _ = Group.objects.get_or_create(name="Moderatorer")
    moderators.permissions.add(access_admin)
    editors, _ = Group.objects.get_or_create(name="Redaktører")
    editors.permissions.add(access_admin)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task_ct, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        for position, name in enumerate(TASKS):
            task = GroupApprovalTask.objects.filter(name=name).first()
            if task is None:
                task = GroupApprovalTask.objects.create(name=name, content_type=task_ct, active=True)
                task.groups.add(editors)
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=position)
    cookbook = CookbookIndexPage.objects.order_by("path").first()
    if cookbook is not None and not WorkflowPage.objects.filter(page_id=cookbook.pk).exists():
        WorkflowPage.objects.create(page_id=cookbook.pk, workflow=workflow)


class Migration(migrations.Migration):
    dependencies = [
        ("contributions", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("cookbook", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
