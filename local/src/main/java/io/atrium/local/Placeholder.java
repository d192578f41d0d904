package io.atrium.local; final class Placeholder {}
