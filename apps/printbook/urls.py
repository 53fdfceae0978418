from django.urls import path

from . import views

app_name = "printbook"

urlpatterns = [
    path("kokeboka/kokeboka.pdf", views.book_pdf, name="book-pdf"),
    path("kokeboka/utgaver/", views.edition_list, name="editions"),
    path("kokeboka/utgaver/<int:number>.pdf", views.edition_pdf, name="edition-pdf"),
    path("kokeboka/pdf/<str:slug>.pdf", views.recipe_pdf, name="recipe-pdf"),
]
